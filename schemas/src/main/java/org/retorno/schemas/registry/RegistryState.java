package org.retorno.schemas.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * The registry's logic with no I/O: what {@code _schemas} says, and what a request would add to it.
 *
 * <p>State changes only through {@link #apply}, with the records read back from the topic, so that
 * every instance that replays the topic agrees. The {@code plan*} methods compute the records to
 * append without changing anything; the caller must serialise plan-append-apply (one writer at a
 * time), or two concurrent registrations could be planned with the same id.
 *
 * <p>Thread-safe.
 */
public final class RegistryState {
  private static final int LATEST = -1;
  /** Which version answers for an id: a live one, then by subject and version, so replay order does not matter. */
  private static final Comparator<SchemaRecord> ID_HOLDER_ORDER = Comparator.comparing(SchemaRecord::deleted)
      .thenComparing(SchemaRecord::subject).thenComparingInt(SchemaRecord::version);

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  /** Every stored version, soft-deleted ones included: their ids must stay readable. */
  private final Map<String, NavigableMap<Integer, SchemaRecord>> subjects = new HashMap<>();
  private final Map<Integer, SchemaRecord> idHolders = new HashMap<>();
  private final Map<String, Integer> idOfSchema = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;
  private int maxId;

  public void apply(RegistryRecord record) {
    Objects.requireNonNull(record, "record");
    write(() -> {
      if (record instanceof SchemaRecord schema) {
        applySchema(schema);
      } else if (record instanceof ConfigRecord config) {
        applyConfig(config);
      }
      // A NoopRecord changes nothing.
      return null;
    });
  }

  /** The schema with this id, under whichever subject holds it (soft-deleted versions included). */
  public Optional<RegisteredSchema> byId(int id) {
    return read(() -> Optional.ofNullable(idHolders.get(id)).map(SchemaRecord::toRegisteredSchema));
  }

  /** The live versions that use this id, across subjects, sorted by subject then version. */
  public List<RegisteredSchema> usesOfId(int id) {
    return read(() -> subjects.values().stream()
        .flatMap(versions -> versions.values().stream())
        .filter(r -> !r.deleted() && r.id() == id)
        .map(SchemaRecord::toRegisteredSchema)
        .sorted(Comparator.comparing(RegisteredSchema::subject).thenComparingInt(RegisteredSchema::version))
        .toList());
  }

  /** Subjects with at least one live version, sorted. */
  public List<String> subjects() {
    return read(() -> subjects.entrySet().stream()
        .filter(e -> e.getValue().values().stream().anyMatch(r -> !r.deleted()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList());
  }

  /** @throws RegistryException 40401 if the subject has no live version */
  public List<Integer> versions(String subject) {
    return read(() -> live(subject).stream().map(SchemaRecord::version).toList());
  }

  /**
   * @param version "latest", "-1" or a positive number
   * @throws RegistryException 42202 invalid version, 40401 unknown subject, 40402 unknown version
   */
  public RegisteredSchema version(String subject, String version) {
    int wanted = parseVersion(version);
    return read(() -> {
      List<SchemaRecord> live = live(subject);
      if (wanted == LATEST) {
        return live.get(live.size() - 1).toRegisteredSchema();
      }
      return live.stream().filter(r -> r.version() == wanted).findFirst()
          .orElseThrow(() -> RegistryException.versionNotFound(subject, version))
          .toRegisteredSchema();
    });
  }

  /**
   * The live version of the subject whose schema is this one.
   *
   * @throws RegistryException 42201 unparseable schema, 40401 unknown subject, 40403 not under it
   */
  public RegisteredSchema lookup(String subject, String schemaJson) {
    String canonical = withinStack(() -> AvroSchemaText.canonical(schemaJson));
    return read(() -> live(subject).stream()
        .filter(r -> r.schema().equals(canonical))
        .findFirst()
        .orElseThrow(() -> RegistryException.schemaNotFound("under subject '" + subject + "'"))
        .toRegisteredSchema());
  }

  public CompatibilityLevel globalCompatibility() {
    return read(() -> globalLevel == null ? CompatibilityLevel.DEFAULT : globalLevel);
  }

  public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    return read(() -> Optional.ofNullable(subjectLevels.get(subject)));
  }

  public CompatibilityLevel effectiveCompatibility(String subject) {
    return read(() -> {
      CompatibilityLevel own = subjectLevels.get(subject);
      return own != null ? own : globalLevel == null ? CompatibilityLevel.DEFAULT : globalLevel;
    });
  }

  /**
   * What registering the schema under the subject would do.
   *
   * @throws RegistryException 42201 invalid schema, 409 incompatible (details say why)
   */
  public Registration planRegister(String subject, String schemaJson) {
    Objects.requireNonNull(subject, "subject");
    return withinStack(() -> register(subject, schemaJson));
  }

  private Registration register(String subject, String schemaJson) {
    Schema schema = AvroSchemaText.parse(schemaJson);
    String canonical = AvroSchemaText.canonical(schema);
    return read(() -> {
      NavigableMap<Integer, SchemaRecord> stored = subjects.getOrDefault(subject, new TreeMap<>());
      List<SchemaRecord> live = stored.values().stream().filter(r -> !r.deleted()).toList();
      Optional<SchemaRecord> existing = live.stream().filter(r -> r.schema().equals(canonical)).findFirst();
      if (existing.isPresent()) {
        return new Registration(existing.get().id(), existing.get().version(), Optional.empty());
      }
      List<String> errors = CompatibilityChecker.errors(
          effectiveCompatibility(subject), schema, newestFirst(live));
      if (!errors.isEmpty()) {
        throw RegistryException.incompatible(subject, errors);
      }
      int id = idOfSchema.getOrDefault(canonical, maxId + 1);
      // Versions are never reused, not even after a soft delete.
      int version = stored.isEmpty() ? 1 : stored.lastKey() + 1;
      return new Registration(id, version, Optional.of(new SchemaRecord(subject, version, id, canonical, false)));
    });
  }

  /**
   * @param subjectOrNull null for the global level
   * @throws RegistryException 42203 if the level is not one
   */
  public ConfigRecord planConfig(String subjectOrNull, String level) {
    return new ConfigRecord(subjectOrNull, CompatibilityLevel.parse(level));
  }

  /**
   * The tombstone that removes a subject's own level, or resets the global one.
   *
   * @throws RegistryException 40408 if the subject has no level of its own
   */
  public ConfigRecord planDeleteConfig(String subjectOrNull) {
    if (subjectOrNull != null && subjectCompatibility(subjectOrNull).isEmpty()) {
      throw RegistryException.subjectCompatibilityNotConfigured(subjectOrNull);
    }
    return new ConfigRecord(subjectOrNull, null);
  }

  /**
   * The soft delete of one version (its id stays readable).
   *
   * @throws RegistryException 42202, 40401, 40402 as {@link #version}
   */
  public SchemaRecord planDeleteVersion(String subject, String version) {
    RegisteredSchema target = version(subject, version);
    return new SchemaRecord(subject, target.version(), target.id(), target.schema(), true);
  }

  /**
   * The soft deletes of every live version of a subject, oldest first.
   *
   * @throws RegistryException 40401 if the subject has no live version
   */
  public List<SchemaRecord> planDeleteSubject(String subject) {
    return read(() -> live(subject).stream().map(SchemaRecord::softDeleted).toList());
  }

  /**
   * Whether the schema could be registered after the given version ("latest" checks what a
   * registration would check: the latest, or every version for a transitive level).
   *
   * @return one line per incompatibility; empty means compatible
   * @throws RegistryException 42202 invalid version, 40401/40402 unknown subject or version,
   *     42201 unparseable schema
   */
  public List<String> compatibilityErrors(String subject, String version, String schemaJson) {
    int wanted = parseVersion(version);
    return withinStack(() -> read(() -> {
      List<SchemaRecord> live = subjects.getOrDefault(subject, new TreeMap<>()).values().stream()
          .filter(r -> !r.deleted()).toList();
      if (wanted == LATEST) {
        Schema schema = AvroSchemaText.parse(schemaJson);
        // Anything may be registered first, as in Confluent's registry.
        return CompatibilityChecker.errors(effectiveCompatibility(subject), schema, newestFirst(live));
      }
      if (live.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      SchemaRecord target = live.stream().filter(r -> r.version() == wanted).findFirst()
          .orElseThrow(() -> RegistryException.versionNotFound(subject, version));
      Schema schema = AvroSchemaText.parse(schemaJson);
      return CompatibilityChecker.errors(effectiveCompatibility(subject), schema, newestFirst(List.of(target)));
    }));
  }

  private void applySchema(SchemaRecord record) {
    NavigableMap<Integer, SchemaRecord> versions = subjects.computeIfAbsent(record.subject(), s -> new TreeMap<>());
    SchemaRecord replaced = record.isTombstone()
        ? versions.remove(record.version())
        : versions.put(record.version(), record);
    if (versions.isEmpty()) {
      subjects.remove(record.subject());
    }
    if (replaced != null) {
      rebuildIdIndex();
    } else {
      index(record);
    }
  }

  private void applyConfig(ConfigRecord record) {
    if (record.isGlobal()) {
      globalLevel = record.level();
    } else if (record.isTombstone()) {
      subjectLevels.remove(record.subject());
    } else {
      subjectLevels.put(record.subject(), record.level());
    }
  }

  private void index(SchemaRecord record) {
    idHolders.merge(record.id(), record, (held, candidate) ->
        ID_HOLDER_ORDER.compare(candidate, held) < 0 ? candidate : held);
    idOfSchema.merge(record.schema(), record.id(), Math::min);
    // Ids are never handed out twice, so the highest survives permanent deletes.
    maxId = Math.max(maxId, record.id());
  }

  private void rebuildIdIndex() {
    idHolders.clear();
    idOfSchema.clear();
    subjects.values().forEach(versions -> versions.values().forEach(this::index));
  }

  /** Live versions, oldest first. @throws RegistryException 40401 if there are none */
  private List<SchemaRecord> live(String subject) {
    NavigableMap<Integer, SchemaRecord> versions = subjects.get(subject);
    List<SchemaRecord> live = versions == null ? List.of()
        : versions.values().stream().filter(r -> !r.deleted()).toList();
    if (live.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return live;
  }

  private static List<CompatibilityChecker.Version> newestFirst(List<SchemaRecord> oldestFirst) {
    List<CompatibilityChecker.Version> versions = new ArrayList<>(oldestFirst.size());
    for (int i = oldestFirst.size() - 1; i >= 0; i--) {
      SchemaRecord r = oldestFirst.get(i);
      versions.add(new CompatibilityChecker.Version(r.version(), AvroSchemaText.parse(r.schema())));
    }
    return versions;
  }

  private static int parseVersion(String version) {
    if (version == null) {
      throw RegistryException.invalidVersion(null);
    }
    if (version.trim().equalsIgnoreCase("latest")) {
      return LATEST;
    }
    try {
      int number = Integer.parseInt(version.trim());
      if (number == LATEST || number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw RegistryException.invalidVersion(version);
  }

  /**
   * Avro parses, prints and compares schemas recursively, so a deeply nested schema can exhaust a
   * small thread stack; that is bad input, and the caller must get an answer rather than an Error.
   */
  private static <T> T withinStack(Supplier<T> work) {
    try {
      return work.get();
    } catch (StackOverflowError e) {
      throw RegistryException.invalidSchema("it nests too deeply to be checked");
    }
  }

  private <T> T read(Supplier<T> query) {
    lock.readLock().lock();
    try {
      return query.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private <T> T write(Supplier<T> change) {
    lock.writeLock().lock();
    try {
      return change.get();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
