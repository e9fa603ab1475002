package org.retorno.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SortedIdsTest {
  /** Any sequence of adds and removes leaves the list a sorted set would give. */
  @Property
  void listStaysWhatASortedSetWouldHold(@ForAll @Size(max = 60) List<@StringLength(max = 3) String> ids,
      @ForAll @Size(max = 60) List<Boolean> removes) {
    List<String> sorted = new ArrayList<>();
    TreeSet<String> expected = new TreeSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (i < removes.size() && removes.get(i)) {
        SortedIds.remove(sorted, ids.get(i));
        expected.remove(ids.get(i));
      } else {
        SortedIds.add(sorted, ids.get(i));
        expected.add(ids.get(i));
      }
    }
    assertThat(sorted).containsExactlyElementsOf(expected);
  }

  @Test
  void addingTwiceKeepsOneAndRemovingAnAbsentIdChangesNothing() {
    List<String> sorted = new ArrayList<>(List.of("a", "c"));
    SortedIds.add(sorted, "b");
    SortedIds.add(sorted, "b");
    SortedIds.remove(sorted, "z");
    assertThat(sorted).containsExactly("a", "b", "c");
  }
}
