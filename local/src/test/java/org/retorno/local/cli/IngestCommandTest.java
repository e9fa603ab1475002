package org.retorno.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IngestCommandTest {
  private final IngestCommand.SizeConverter sizes = new IngestCommand.SizeConverter();

  private static String stderrOf(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(RetornoCli.run(args)).isNotZero();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8).strip();
  }

  @Test
  void sizesAreBytesOrKilobytesMegabytesGigabytes() {
    assertThat(sizes.convert("50MB")).isEqualTo(50L * 1024 * 1024);
    assertThat(sizes.convert("512 kb")).isEqualTo(512L * 1024);
    assertThat(sizes.convert("2g")).isEqualTo(2L * 1024 * 1024 * 1024);
    assertThat(sizes.convert("1048576")).isEqualTo(1_048_576L);
    assertThat(sizes.convert("1MiB")).isEqualTo(1_048_576L);
    assertThatThrownBy(() -> sizes.convert("lots")).hasMessage("'lots' is not a size (e.g. 50MB, 512KB, 1048576)");
    assertThatThrownBy(() -> sizes.convert("0MB")).hasMessage("'0MB' is not a positive size");
  }

  @Test
  void defaultsAreTheDocumentedLimits() {
    IngestCommand command = CommandLine.populateCommand(new IngestCommand(), "news", "samples/news");
    assertThat(command.maxFileBytes).isEqualTo(50L * 1024 * 1024);
    assertThat(command.maxPdfPages).isEqualTo(1000);
    assertThat(command.sendAttempts).isEqualTo(3);
    assertThat(command.pollSeconds).isEqualTo(5);
    assertThat(command.watch).isNull();
  }

  @Test
  void withoutPathsOrAnInboxTheErrorSaysWhatToGive() {
    assertThat(stderrOf("ingest", "news")).isEqualTo(
        "retorno ingest: name the files or directories to ingest, or an inbox with --watch DIR");
  }

  @Test
  void aBadSizeIsOneLineNamingIt() {
    assertThat(stderrOf("ingest", "news", "x", "--max-file-size", "huge").lines().findFirst()).contains(
        "Invalid value for option '--max-file-size': 'huge' is not a size (e.g. 50MB, 512KB, 1048576)");
  }

  @Test
  void theHelpNamesEveryNewOption() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(RetornoCli.run("ingest", "--help")).isZero();
    } finally {
      System.setOut(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--watch=DIR", "--report=FILE", "--max-file-size=SIZE",
        "--max-pdf-pages=N", "--send-attempts=N", "--no-progress", "--poll-seconds=N", "--client-config=FILE");
  }
}
