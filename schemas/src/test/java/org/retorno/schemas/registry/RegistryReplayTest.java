package org.retorno.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retorno.schemas.registry.Schemas.V1;
import static org.retorno.schemas.registry.Schemas.V2_OPTIONAL_CASES;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The _schemas topic is the registry's only store: replaying it must rebuild the same state. */
class RegistryReplayTest {
  private static final List<String> SUBJECTS = List.of("claims-value", "events-value", "events-key", "gone-value");

  /** A topic as the server would write it: every planned record, in order, as key and value text. */
  private final List<String[]> topic = new ArrayList<>();
  private final RegistryState original = new RegistryState();

  @Test
  void replayingTheTopicRebuildsIdenticalState() {
    writeHistory();

    RegistryState replayed = new RegistryState();
    topic.forEach(kv -> replayed.apply(RegistryRecord.fromKafka(kv[0], kv[1])));

    assertThat(describe(replayed)).isEqualTo(describe(original));
  }

  @Test
  void replayingTheCompactedTopicRebuildsIdenticalState() {
    writeHistory();
    Map<String, String[]> compacted = new LinkedHashMap<>();
    topic.forEach(kv -> {
      compacted.remove(kv[0]);
      if (kv[1] != null) {
        compacted.put(kv[0], kv);
      }
    });

    RegistryState replayed = new RegistryState();
    compacted.values().forEach(kv -> replayed.apply(RegistryRecord.fromKafka(kv[0], kv[1])));

    assertThat(describe(replayed)).isEqualTo(describe(original));
  }

  private void writeHistory() {
    append(original.planConfig(null, "FULL"));
    append(original.planConfig("events-key", "NONE"));
    append(original.planRegister("claims-value", V1).toAppend().orElseThrow());
    append(original.planRegister("claims-value", V2_OPTIONAL_CASES).toAppend().orElseThrow());
    append(original.planRegister("events-value", V2_OPTIONAL_CASES).toAppend().orElseThrow());
    append(original.planRegister("events-key", "\"string\"").toAppend().orElseThrow());
    append(original.planRegister("events-key", "\"long\"").toAppend().orElseThrow());
    append(original.planRegister("gone-value", V1).toAppend().orElseThrow());
    original.planDeleteSubject("gone-value").forEach(this::append);
    append(original.planDeleteVersion("claims-value", "1"));
    append(NoopRecord.INSTANCE);
    append(original.planConfig("claims-value", "BACKWARD"));
    append(original.planDeleteConfig("claims-value"));
  }

  private void append(RegistryRecord record) {
    topic.add(new String[] {record.keyJson(), record.valueJson()});
    original.apply(record);
  }

  /** Everything the state answers, as text, so two states can be compared whole. */
  private static String describe(RegistryState state) {
    StringBuilder out = new StringBuilder();
    out.append("global=").append(state.globalCompatibility()).append('\n');
    out.append("subjects=").append(state.subjects()).append('\n');
    for (String subject : SUBJECTS) {
      out.append(subject).append(" level=").append(state.subjectCompatibility(subject)).append('\n');
      if (state.subjects().contains(subject)) {
        for (int version : state.versions(subject)) {
          out.append("  ").append(state.version(subject, Integer.toString(version))).append('\n');
        }
      }
    }
    for (int id = 1; id <= 6; id++) {
      out.append("id ").append(id).append(" -> ").append(state.byId(id)).append(' ')
          .append(state.usesOfId(id)).append('\n');
    }
    out.append("next=").append(state.planRegister("new-value", "\"double\"")).append('\n');
    return out.toString();
  }
}
