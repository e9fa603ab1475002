package org.retorno.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IngestAccountTest {

  @Test
  void summaryListsReasonsInAlphabeticalOrder() {
    IngestAccount account = IngestAccount.of(10, 1, List.of(
        new Rejected("a.csv", "line 3", "ingest-counts", "unknown place", null),
        new Rejected("a.csv", "line 4", "ingest-counts", "negative value", null),
        new Rejected("b.csv", "line 9", "ingest-counts", "unknown place", null)));

    assertThat(account.summary())
        .isEqualTo("read 14, produced 10, duplicates 1, rejected 3 (negative value: 1, unknown place: 2)");
    assertThat(account.rejectedByReason()).containsExactly(
        org.assertj.core.api.Assertions.entry("negative value", 1L),
        org.assertj.core.api.Assertions.entry("unknown place", 2L));
  }

  @Test
  void summaryOfTheSpecExample() {
    IngestAccount account = IngestAccount.of(10, 1,
        List.of(new Rejected("x.csv", "line 2", "ingest-counts", "unknown place", null)));
    assertThat(account.summary()).isEqualTo("read 12, produced 10, duplicates 1, rejected 1 (unknown place: 1)");
  }

  @Test
  void anAccountThatDoesNotAddUpCannotExist() {
    assertThatThrownBy(() -> new IngestAccount(5, 3, 1, 0, new TreeMap<>(), List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ingest account does not add up: read 5 != produced 3 + duplicates 1 + rejected 0 + not sent 0");
  }

  @Test
  void itemsNotSentAreReadButRejectionRecordsNotSentAreNot() {
    IngestAccount account = IngestAccount.of(4, 1,
        List.of(new Rejected("feed.xml", "item 2", "ingest-news", "no text", null)),
        List.of(new NotSent("feed.xml", "item 5", "raw-news", "TimeoutException: Expiring 1 record(s)"),
            new NotSent("feed.xml", "item 6", "raw-news", "TimeoutException: Expiring 1 record(s)"),
            new NotSent("feed.xml", "item 2", "ingest-rejections", "TimeoutException: Expiring 1 record(s)")));

    assertThat(account.read()).isEqualTo(8);
    assertThat(account.notSentItems()).isEqualTo(2);
    assertThat(account.summary()).isEqualTo(
        "read 8, produced 4, duplicates 1, rejected 1 (no text: 1), not sent 2 (and 1 rejection record)");
  }

  @Test
  void accountsOfSuccessivePollsAddUp() {
    IngestAccount first = IngestAccount.of(2, 0, List.of(new Rejected("a.csv", "line 2", "ingest-counts", "unknown place", null)));
    IngestAccount second = IngestAccount.of(1, 3, List.of(new Rejected("b.csv", "line 4", "ingest-counts", "unknown place", null),
        new Rejected("b.csv", "line 5", "ingest-counts", "negative value", null)));

    assertThat(first.plus(second).summary())
        .isEqualTo("read 9, produced 3, duplicates 3, rejected 3 (negative value: 1, unknown place: 2)");
    assertThat(IngestAccount.empty().plus(first)).isEqualTo(first);
  }

  @Test
  void rejectedDescribesItselfOnOneLine() {
    assertThat(new Rejected("c.csv", "line 5", "ingest-counts", "missing columns", "metric, value").describe())
        .isEqualTo("c.csv line 5: missing columns: metric, value");
    assertThat(new Rejected("r.pdf", null, "ingest-reports", "encrypted PDF", null).describe())
        .isEqualTo("r.pdf: encrypted PDF");
  }
}
