package org.retorno.local.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code retorno} command: the whole pipeline on one machine, or each part alone. */
@Command(name = "retorno", mixinStandardHelpOptions = true, version = "retorno 0.1.0",
    description = "Per-city counts of MPP returns, AVR enrollments and reported harms on Kafka.",
    subcommands = {DemoCommand.class, BrokerCommand.class, RegistryCommand.class,
        StreamsCommand.class, IngestCommand.class, ExtractCommand.class, DetectCommand.class,
        BacktestCommand.class})
public final class RetornoCli {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    CommandLine cli = new CommandLine(new RetornoCli());
    cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
      // Expected failures (a file that cannot be read, a port in use) get one line, no trace.
      PrintWriter err = commandLine.getErr();
      err.println("retorno " + commandLine.getCommandName() + ": " + oneLine(exception));
      err.flush();
      return 1;
    });
    return cli.execute(args);
  }

  static String oneLine(Throwable exception) {
    Throwable cause = exception;
    while ((cause instanceof UncheckedIOException || cause.getMessage() == null)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return message.lines().findFirst().orElse(message);
  }
}
