package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Claim;

/**
 * Bulk replay speed on the samples, printed for the record (no timing assertion: the machine is
 * shared). Also a guard against super-linear behaviour: one document made of the samples many
 * times over must still be read, and give the same claims as its first copy.
 */
class ExtractorThroughputTest {
  private static final int WARM_UP_ROUNDS = 30;
  private static final int ROUNDS = 150;

  @Test
  void replaysTheSamplesAndReportsMegabytesPerSecond() {
    List<SourceDocument> samples = new ArrayList<>(SampleDocuments.newsItems());
    samples.add(SampleDocuments.ngoLetter());
    ClaimExtractor extractor = new ClaimExtractor();
    int claimsPerRound = samples.stream().mapToInt(d -> extractor.extract(d).size()).sum();
    long bytesPerRound = samples.stream()
        .mapToLong(d -> d.text().getBytes(StandardCharsets.UTF_8).length).sum();

    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      samples.forEach(extractor::extract);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long claims = 0;
    long started = System.nanoTime();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    for (int round = 0; round < ROUNDS; round++) {
      for (SourceDocument doc : samples) {
        claims += extractor.extract(doc).size();
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
    double megabytes = bytesPerRound * (double) ROUNDS / 1_000_000;
    System.out.printf("extractor replay, one thread: %.1f MB in %.2f s = %.2f MB/s wall, %.2f MB per"
        + " CPU-second, %.0f documents/s%n", megabytes, seconds, megabytes / seconds,
        megabytes / cpuSeconds, ROUNDS * samples.size() / seconds);

    assertThat(claims).isEqualTo((long) claimsPerRound * ROUNDS);
    assertThat(claimsPerRound).isEqualTo(7);
  }

  @Test
  void aVeryLongDocumentIsReadInOnePass() {
    SourceDocument letter = SampleDocuments.ngoLetter();
    String text = (letter.text() + "\n\n").repeat(100);
    SourceDocument big = new SourceDocument("big", letter.sourceKind(), letter.sourceName(), null,
        "en", null, text, letter.reportDate());

    long started = System.nanoTime();
    List<Claim> claims = new ClaimExtractor().extract(big);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("extractor one document of %.1f MB: %.2f s%n", text.length() / 1e6, seconds);

    // The copies repeat one group: the document states it once.
    assertThat(claims).extracting(SentenceTableTest::render).containsExactly(
        "AVR_ENROLLMENT@Ciudad Juárez 70 APPROXIMATE INCREMENT 2019-07-02/WEEK",
        "AVR_DEPARTURE@Ciudad Juárez 70 APPROXIMATE INCREMENT 2019-07-02/WEEK");
  }
}
