package org.retorno.schemas.registry;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * An in-memory registry with the same rules as the real one, for tests and single-process runs.
 * Every client of one scope (serdes configured with {@code schema.registry.url=mock://scope}) shares
 * one {@link RegistryState} in this JVM.
 */
public final class MockSchemaRegistryClient implements SchemaRegistryClient {
  private static final ConcurrentMap<String, RegistryState> SCOPES = new ConcurrentHashMap<>();

  private final RegistryState state;
  private final ConcurrentMap<Integer, Schema> parsedById = new ConcurrentHashMap<>();

  /** A client of its own, private registry. */
  public MockSchemaRegistryClient() {
    this(new RegistryState());
  }

  public MockSchemaRegistryClient(RegistryState state) {
    this.state = state;
  }

  /** A client of the registry shared by every client of this scope. */
  public static MockSchemaRegistryClient forScope(String scope) {
    return new MockSchemaRegistryClient(SCOPES.computeIfAbsent(scope, s -> new RegistryState()));
  }

  /** Forgets a scope's registry: the next client of the scope starts empty. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  public RegistryState state() {
    return state;
  }

  @Override
  public int register(String subject, Schema schema) {
    // Plan and apply as one step: clients of a scope share the state, as writers to _schemas would.
    synchronized (state) {
      Registration registration = state.planRegister(subject, AvroSchemaText.canonical(schema));
      registration.toAppend().ifPresent(state::apply);
      return registration.id();
    }
  }

  @Override
  public int lookup(String subject, Schema schema) {
    return state.lookup(subject, AvroSchemaText.canonical(schema)).id();
  }

  @Override
  public Schema getById(int id) {
    // Registered schemas never change, so one parse per id is enough.
    return parsedById.computeIfAbsent(id, i -> AvroSchemaText.parse(state.byId(i)
        .orElseThrow(() -> RegistryException.schemaNotFound("id " + i)).schema()));
  }

  @Override
  public RegisteredSchema latest(String subject) {
    return state.version(subject, "latest");
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    return state.version(subject, Integer.toString(version));
  }

  @Override
  public List<String> subjects() {
    return state.subjects();
  }

  @Override
  public List<Integer> versions(String subject) {
    return state.versions(subject);
  }

  @Override
  public CompatibilityLevel compatibility(String subjectOrNull) {
    return subjectOrNull == null ? state.globalCompatibility() : state.effectiveCompatibility(subjectOrNull);
  }

  @Override
  public void setCompatibility(String subjectOrNull, CompatibilityLevel level) {
    synchronized (state) {
      state.apply(state.planConfig(subjectOrNull, level.name()));
    }
  }

  @Override
  public List<String> testCompatibility(String subject, String version, Schema schema) {
    return state.compatibilityErrors(subject, version, AvroSchemaText.canonical(schema));
  }
}
