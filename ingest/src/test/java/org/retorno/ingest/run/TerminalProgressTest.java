package org.retorno.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.SourceType;

class TerminalProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong now = new AtomicLong();
  private final TerminalProgress progress = new TerminalProgress(out, now::get, Duration.ofSeconds(1));
  private static final InputFile FILE = new InputFile(Path.of("a.jsonl"), "a.jsonl");

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rendersBytesAsABarWithFilesAndMegabytes() {
    assertThat(TerminalProgress.render(12, 30, 1_258_291, 4_089_446))
        .isEqualTo("[#########.....................]  31%  12/30 files  1.2/3.9 MB");
    assertThat(TerminalProgress.render(0, 0, 0, 0))
        .isEqualTo("[##############################] 100%  0/0 files  0.0/0.0 MB");
    assertThat(TerminalProgress.render(1, 4, 0, 0))
        .isEqualTo("[########......................]  25%  1/4 files  0.0/0.0 MB");
  }

  @Test
  void aShortRunDrawsNothing() {
    progress.started(SourceType.NEWS, 2, 200);
    now.set(Duration.ofMillis(300).toNanos());
    progress.fileDone(FILE, 100, IngestAccount.empty());
    progress.fileDone(FILE, 100, IngestAccount.empty());
    progress.finished(IngestAccount.empty());

    assertThat(printed()).isEmpty();
  }

  @Test
  void aLongRunRedrawsAtMostTenTimesASecondAndClearsItsLine() {
    progress.started(SourceType.REPORTS, 4, 4 * 1_048_576);
    now.set(Duration.ofMillis(1_200).toNanos());
    progress.fileDone(FILE, 1_048_576, IngestAccount.empty());
    now.set(Duration.ofMillis(1_250).toNanos());
    progress.fileDone(FILE, 1_048_576, IngestAccount.empty());
    now.set(Duration.ofMillis(1_400).toNanos());
    progress.fileDone(FILE, 1_048_576, IngestAccount.empty());
    progress.finished(IngestAccount.empty());

    String first = "[########......................]  25%  1/4 files  1.0/4.0 MB";
    String third = "[#######################.......]  75%  3/4 files  3.0/4.0 MB";
    assertThat(printed()).isEqualTo("\r" + first + "\r" + third + "\r" + " ".repeat(third.length()) + "\r");
  }
}
