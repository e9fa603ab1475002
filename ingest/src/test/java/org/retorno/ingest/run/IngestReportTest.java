package org.retorno.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.NotSent;
import org.retorno.ingest.Rejected;
import org.retorno.ingest.SourceType;

class IngestReportTest {
  @TempDir
  Path dir;

  @Test
  void theReportListsEveryRejectionAndWhatWasNotSent() throws Exception {
    IngestAccount account = IngestAccount.of(7, 1, List.of(
            new Rejected("t.csv", "line 3", "ingest-counts", "unknown place", null),
            new Rejected("w.csv", "line 5, column Laredo", "ingest-counts", "unmapped column", "not in w.mapping.csv")),
        List.of(new NotSent("t.csv", "line 9", "raw-case-counts", "TimeoutException: Expiring 1 record(s)")));
    Path file = dir.resolve("reports/run.json");

    IngestReport.write(file, SourceType.COUNTS, account, false);

    JsonNode report = new ObjectMapper().readTree(file.toFile());
    assertThat(report.toString()).isEqualTo("{\"type\":\"counts\",\"complete\":false,"
        + "\"summary\":\"read 11, produced 7, duplicates 1, rejected 2 (unknown place: 1, unmapped column: 1), not sent 1\","
        + "\"read\":11,\"produced\":7,\"duplicates\":1,\"rejected\":2,\"notSent\":1,"
        + "\"rejectedByReason\":{\"unknown place\":1,\"unmapped column\":1},"
        + "\"rejections\":[{\"source\":\"t.csv\",\"position\":\"line 3\",\"stage\":\"ingest-counts\",\"reason\":\"unknown place\",\"detail\":null},"
        + "{\"source\":\"w.csv\",\"position\":\"line 5, column Laredo\",\"stage\":\"ingest-counts\",\"reason\":\"unmapped column\",\"detail\":\"not in w.mapping.csv\"}],"
        + "\"notSentRecords\":[{\"source\":\"t.csv\",\"position\":\"line 9\",\"topic\":\"raw-case-counts\",\"error\":\"TimeoutException: Expiring 1 record(s)\"}]}");
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing.map(path -> path.getFileName().toString())).as("no temporary file left").containsExactly("run.json");
    }
  }

  @Test
  void aReportIsReplacedWhole() throws Exception {
    Path file = dir.resolve("run.json");
    IngestReport.write(file, SourceType.NEWS, IngestAccount.of(3, 0, List.of()), true);
    IngestReport.write(file, SourceType.NEWS, IngestAccount.of(5, 0, List.of()), true);

    assertThat(new ObjectMapper().readTree(file.toFile()).get("produced").asLong()).isEqualTo(5);
  }
}
