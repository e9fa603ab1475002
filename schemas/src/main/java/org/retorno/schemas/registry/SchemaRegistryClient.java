package org.retorno.schemas.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * What serdes and tools ask a schema registry. Errors the registry reports come as
 * {@link RegistryException} (with Confluent's status and error code); a registry that cannot be
 * reached at all comes as {@link RegistryUnavailableException}.
 */
public interface SchemaRegistryClient {

  /** Registers the schema under the subject, or finds it there already; returns its id. */
  int register(String subject, Schema schema);

  /** The id of the schema under the subject, without registering it (40401/40403 if absent). */
  int lookup(String subject, Schema schema);

  /** The schema with this id (40403 if there is none). */
  Schema getById(int id);

  /** The subject's newest live version (40401 if none). */
  RegisteredSchema latest(String subject);

  /** One version of a subject (40401/40402 if absent). */
  RegisteredSchema version(String subject, int version);

  List<String> subjects();

  List<Integer> versions(String subject);

  /** The level that applies to the subject: its own, else the global one. Null asks for the global one. */
  CompatibilityLevel compatibility(String subjectOrNull);

  /** Sets the subject's own level, or the global one when the subject is null. */
  void setCompatibility(String subjectOrNull, CompatibilityLevel level);

  /**
   * Whether the schema could be registered after the given version of the subject.
   *
   * @param version "latest" or a version number
   * @return one line per incompatibility; empty means compatible
   */
  List<String> testCompatibility(String subject, String version, Schema schema);
}
