package org.retorno.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RetornoCliTest {

  private static String stderrOf(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int exit = RetornoCli.run(args);
      assertThat(exit).isNotZero();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anUnknownInputTypeIsOneLineNamingIt() {
    String err = stderrOf("ingest", "tweets", "somewhere");
    assertThat(err.strip()).isEqualTo(
        "retorno ingest: unknown input type 'tweets': use news, reports or counts");
  }

  @Test
  void aDemoWithoutSamplesSaysWhereItLooked() {
    String err = stderrOf("demo", "--samples", "/nonexistent/samples", "--exit");
    assertThat(err.strip()).startsWith("retorno demo: samples directory /nonexistent/samples has no news/ folder");
    assertThat(err.lines().count()).isEqualTo(1);
  }

  @Test
  void oneLineTakesTheMessageOfTheUnderlyingCause() {
    Exception wrapped = new java.io.UncheckedIOException(null,
        new java.io.IOException("cannot read settings file x.properties: No such file"));
    assertThat(RetornoCli.oneLine(wrapped)).isEqualTo("cannot read settings file x.properties: No such file");
  }
}
