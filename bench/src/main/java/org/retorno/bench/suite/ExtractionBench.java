package org.retorno.bench.suite;

import java.nio.file.Path;
import java.time.Duration;
import org.retorno.bench.data.SampleDocuments;
import org.retorno.streams.extract.ClaimExtractor;
import org.retorno.streams.extract.ExtractionThroughput;

/**
 * The claim extractor alone, one thread: MB of text per CPU-second of the extracting thread (so
 * per core, and steady on a busy machine), on the shipped samples and on a synthetic corpus.
 */
public final class ExtractionBench {
  /** Per-core MB/s on each corpus and claims per round, for the record. */
  public record Result(ExtractionThroughput.Result samples, ExtractionThroughput.Result synthetic) {
    /** The lower of the two: a conservative figure. */
    public double megabytesPerCoreSecond() {
      return Math.min(samples.megabytesPerCpuSecond(), synthetic.megabytesPerCpuSecond());
    }
  }

  private static final int SYNTHETIC_DOCUMENTS = 60;
  private static final int SENTENCES_PER_DOCUMENT = 40;

  private ExtractionBench() {}

  public static Result measure(Path samples, Duration warmUp, Duration minimum) {
    ClaimExtractor extractor = new ClaimExtractor();
    ExtractionThroughput.Result onSamples = ExtractionThroughput.measure(extractor,
        SampleDocuments.fromSamples(samples), warmUp, minimum);
    ExtractionThroughput.Result onSynthetic = ExtractionThroughput.measure(extractor,
        SampleDocuments.synthetic(SYNTHETIC_DOCUMENTS, SENTENCES_PER_DOCUMENT, 31), warmUp, minimum);
    return new Result(onSamples, onSynthetic);
  }
}
