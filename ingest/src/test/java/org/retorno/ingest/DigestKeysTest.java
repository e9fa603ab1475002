package org.retorno.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.retorno.ingest.text.TextKey;

/** Packed digests and other keys side by side answer every add, remove and lookup as a HashSet of the strings does. */
class DigestKeysTest {
  /** Digests, the all-zero one, the same digests in upper case, and keys that are not digests at all. */
  private static final List<String> POOL = pool();

  private record Step(boolean add, String key) {}

  @Property(tries = 500)
  void behavesAsASetOfStrings(@ForAll("steps") List<Step> steps) {
    DigestKeys keys = new DigestKeys(4);
    Set<String> model = new HashSet<>();
    for (Step step : steps) {
      if (step.add()) {
        assertThat(keys.add(step.key())).isEqualTo(model.add(step.key()));
      } else {
        assertThat(keys.remove(step.key())).isEqualTo(model.remove(step.key()));
      }
      assertThat(keys.size()).isEqualTo(model.size());
    }
    for (String key : POOL) {
      assertThat(keys.contains(key)).as(key).isEqualTo(model.contains(key));
    }
  }

  @Test
  void aHistoryIsKeptWhole() {
    Set<String> history = new HashSet<>();
    for (int i = 0; i < 5000; i++) {
      history.add(TextKey.sha256Hex("row " + i));
    }
    history.add("not a digest");
    DigestKeys keys = DigestKeys.of(history);

    assertThat(keys.size()).isEqualTo(history.size());
    history.forEach(key -> assertThat(keys.add(key)).isFalse());
    assertThat(keys.add(TextKey.sha256Hex("row 5000"))).isTrue();
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(Arbitraries.frequency(
        Tuple.of(3, true), Tuple.of(1, false)), Arbitraries.of(POOL)).as(Step::new);
    return step.list().ofMaxSize(300);
  }

  private static List<String> pool() {
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      pool.add(TextKey.sha256Hex("key " + i));
    }
    pool.add("0".repeat(64));
    pool.add(TextKey.sha256Hex("key 1").toUpperCase(Locale.ROOT));
    pool.add("0".repeat(63) + "g");
    pool.add("0".repeat(63) + "1");
    pool.add("ab");
    pool.add("");
    return List.copyOf(pool);
  }
}
