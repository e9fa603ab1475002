package org.retorno.streams.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Claim;

/**
 * Extraction speed, printed for the record (no timing assertion: the machine is shared), on the
 * shipped samples and on the annotated corpora (short texts, nearly every sentence a claim: the
 * extractor's worst case per byte). Also a guard against super-linear behaviour: one document
 * made of the samples many times over must still be read, and give the same claims as one copy.
 */
class ExtractorThroughputTest {
  private static final Duration WARM_UP = Duration.ofSeconds(2);
  private static final Duration MEASURE = Duration.ofSeconds(3);
  /** Fewer than the command's 20,000: the build must stay quick on a busy machine. */
  private static final long WARM_UP_SENTENCES = 3_000;

  @Test
  void measuresSentencesAndMegabytesPerCoreOnTheSamples() {
    List<SourceDocument> samples = new ArrayList<>(SampleDocuments.newsItems());
    samples.add(SampleDocuments.ngoLetter());

    ExtractionThroughput.Result result = ExtractionThroughput.measure(new ClaimExtractor(), samples,
        WARM_UP, WARM_UP_SENTENCES, MEASURE);
    System.out.println("extractor on the samples: " + result.summary());

    assertThat(result.claimsPerRound()).isEqualTo(7);
    assertThat(result.documents()).isEqualTo(6);
    assertThat(result.rounds()).isPositive();
  }

  @Test
  void measuresTheClaimDenseCorpora() {
    List<SourceDocument> corpus = new ArrayList<>();
    AnnotatedCorpus.read(DevCorpusScoreTest.DEV).forEach(e -> corpus.add(e.document()));
    AnnotatedCorpus.read(HeldOutScoreTest.HELD_OUT).forEach(e -> corpus.add(e.document()));

    ExtractionThroughput.Result result = ExtractionThroughput.measure(new ClaimExtractor(), corpus,
        WARM_UP, WARM_UP_SENTENCES, MEASURE);
    System.out.println("extractor on the annotated corpora: " + result.summary());

    assertThat(result.documents()).isEqualTo(197);
    assertThat(result.claimsPerRound()).isEqualTo(146);
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
