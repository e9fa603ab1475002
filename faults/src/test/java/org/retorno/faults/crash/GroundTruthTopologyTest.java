package org.retorno.faults.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.retorno.avro.CityCounts;

/**
 * The ground-truth model against the real topology, record by record in a TopologyTestDriver: no
 * faults, so the two must agree exactly, whatever the seed.
 */
class GroundTruthTopologyTest {

  @Test
  void theTopologyPublishesExactlyTheModelledCounts() {
    Workload workload = Workload.generate(WorkloadSpec.of(42, 1_500));
    GroundTruth truth = GroundTruth.of(workload);

    Comparison comparison = Comparison.of(truth, TopologyDriverRun.latestDailyCounts(workload));

    assertThat(comparison.examples()).isEmpty();
    assertThat(comparison.exact()).isTrue();
    assertThat(comparison.eventsChecked()).isEqualTo(truth.liveRows());
    Map<WorkloadRecord.Kind, Integer> kinds = workload.countsByKind();
    assertThat(truth.liveRows()).isEqualTo(1_500 - kinds.get(WorkloadRecord.Kind.WITHDRAWAL));
  }

  @Property(tries = 5)
  void anySeedAgrees(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int rows) {
    Workload workload = Workload.generate(WorkloadSpec.of(seed, rows));
    Map<String, CityCounts> published = TopologyDriverRun.latestDailyCounts(workload);

    Comparison comparison = Comparison.of(GroundTruth.of(workload), published);

    assertThat(comparison.examples()).isEmpty();
    assertThat(comparison.exact()).isTrue();
  }

  @Test
  void theComparisonSeesALostAndADoubledEvent() {
    Workload workload = Workload.generate(WorkloadSpec.of(7, 200));
    GroundTruth truth = GroundTruth.of(workload);
    Map<String, CityCounts> published = new java.util.TreeMap<>(TopologyDriverRun.latestDailyCounts(workload));
    String[] keys = published.keySet().stream().filter(key -> !published.get(key).getCounts().isEmpty())
        .limit(2).toArray(String[]::new);
    CityCounts first = CityCounts.newBuilder(published.get(keys[0])).build();
    var dropped = first.getCounts().get(0);
    first.setCounts(first.getCounts().subList(1, first.getCounts().size()));
    published.put(keys[0], first);
    CityCounts second = CityCounts.newBuilder(published.get(keys[1])).build();
    var doubled = second.getCounts().get(0);
    second.getCounts().set(0, org.retorno.avro.CategoryCount.newBuilder(doubled)
        .setValue(doubled.getValue() * 2).build());
    published.put(keys[1], second);

    Comparison comparison = Comparison.of(truth, published);

    assertThat(comparison.exact()).isFalse();
    assertThat(comparison.eventsLost()).isEqualTo(dropped.getEvents());
    assertThat(comparison.figureLost()).isEqualTo(dropped.getValue());
    assertThat(comparison.cellsTooLow()).isEqualTo(1);
    assertThat(comparison.cellsTooHigh()).isEqualTo(1);
    assertThat(comparison.figureExtra()).isEqualTo(doubled.getValue());
    assertThat(comparison.eventsExtra()).isZero();
    assertThat(comparison.wrongKeys()).isZero();
  }
}
