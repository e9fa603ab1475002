package org.retorno.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaValidationException;
import org.apache.avro.SchemaValidator;
import org.apache.avro.SchemaValidatorBuilder;

/**
 * Decides whether a candidate schema may follow earlier versions, and says why not in words an
 * analyst can act on.
 *
 * <p>Two Avro checks must both pass. Avro's {@link SchemaValidatorBuilder} validators (what older
 * Confluent registries used) judge by building a resolving grammar, which lets through a reader enum
 * that lacks a writer's symbol and a renamed record; both fail later, when a consumer reads such a
 * record. {@link SchemaCompatibility}, which Confluent's registry uses today, rejects them.
 */
final class CompatibilityChecker {

  /** An earlier version of the subject. */
  record Version(int number, Schema schema) {}

  private CompatibilityChecker() {}

  /**
   * @param earlierNewestFirst the subject's live versions, newest first
   * @return one line per incompatibility; empty when the candidate is compatible
   */
  static List<String> errors(CompatibilityLevel level, Schema candidate, List<Version> earlierNewestFirst) {
    if (level == CompatibilityLevel.NONE || earlierNewestFirst.isEmpty()) {
      return List.of();
    }
    List<Version> checked = level.transitive() ? earlierNewestFirst : earlierNewestFirst.subList(0, 1);
    List<String> reasons = explain(level, candidate, checked);
    if (!reasons.isEmpty()) {
      return reasons;
    }
    try {
      validator(level).validate(candidate, earlierNewestFirst.stream().map(Version::schema).toList());
      return List.of();
    } catch (SchemaValidationException e) {
      return List.of(level + ": Avro's schema validator rejects the new schema: " + RegistryJson.firstLine(e.getMessage()));
    }
  }

  private static SchemaValidator validator(CompatibilityLevel level) {
    SchemaValidatorBuilder builder = new SchemaValidatorBuilder();
    switch (level) {
      case BACKWARD, BACKWARD_TRANSITIVE -> builder.canReadStrategy();
      case FORWARD, FORWARD_TRANSITIVE -> builder.canBeReadStrategy();
      case FULL, FULL_TRANSITIVE -> builder.mutualReadStrategy();
      default -> throw new IllegalStateException("no validator for " + level);
    }
    return level.transitive() ? builder.validateAll() : builder.validateLatest();
  }

  private static List<String> explain(CompatibilityLevel level, Schema candidate, List<Version> earlier) {
    boolean newMustRead = level != CompatibilityLevel.FORWARD && level != CompatibilityLevel.FORWARD_TRANSITIVE;
    boolean oldMustRead = level != CompatibilityLevel.BACKWARD && level != CompatibilityLevel.BACKWARD_TRANSITIVE;
    List<String> reasons = new ArrayList<>();
    for (Version old : earlier) {
      if (newMustRead) {
        for (Incompatibility i : incompatibilities(candidate, old.schema())) {
          reasons.add(level + ": the new schema cannot read data written with version " + old.number()
              + ": " + describe(i));
        }
      }
      if (oldMustRead) {
        for (Incompatibility i : incompatibilities(old.schema(), candidate)) {
          reasons.add(level + ": version " + old.number() + " cannot read data written with the new schema: "
              + describe(i));
        }
      }
    }
    return reasons;
  }

  private static List<Incompatibility> incompatibilities(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities();
  }

  private static String describe(Incompatibility i) {
    return switch (i.getType()) {
      case READER_FIELD_MISSING_DEFAULT_VALUE ->
          "the reader's field '" + i.getMessage() + "' has no default and the writer does not have it (at "
              + i.getLocation() + ")";
      case MISSING_ENUM_SYMBOLS ->
          "the reader's enum lacks the writer's symbols " + i.getMessage() + " (at " + i.getLocation() + ")";
      default -> i.getType().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + i.getMessage()
          + " (at " + i.getLocation() + ")";
    };
  }
}
