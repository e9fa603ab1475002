package org.retorno.local.security;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;

/**
 * Everything a run writes for operators while it is open: every log event of every logger (ours at
 * DEBUG, Kafka's at INFO, where Kafka prints each client's and broker's full configuration), with
 * its exception and stack trace, and what is printed to standard output and error.
 */
public final class LogCapture implements AutoCloseable {
  private static final Map<String, Level> LEVELS = Map.of("org.retorno", Level.DEBUG,
      "org.apache.kafka", Level.INFO, "kafka", Level.INFO);

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final AbstractAppender appender;
  private final LoggerContext context;
  private final Map<String, Level> previous = new HashMap<>();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  public LogCapture() {
    context = (LoggerContext) LogManager.getContext(false);
    appender = new AbstractAppender("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " "
            + event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
          StringWriter trace = new StringWriter();
          event.getThrown().printStackTrace(new PrintWriter(trace));
          line.append('\n').append(trace);
        }
        lines.add(line.toString());
      }
    };
    appender.start();
    context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
    LEVELS.forEach((name, level) -> {
      previous.put(name, LogManager.getLogger(name).getLevel());
      Configurator.setLevel(name, level);
    });
    context.updateLoggers();
    PrintStream tee = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(tee);
    System.setErr(tee);
  }

  /** Log lines and printed output so far. */
  public List<String> lines() {
    List<String> all = new ArrayList<>(lines);
    all.add(printed.toString(StandardCharsets.UTF_8));
    return all;
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    previous.forEach(Configurator::setLevel);
    context.getConfiguration().getRootLogger().removeAppender(appender.getName());
    context.updateLoggers();
    appender.stop();
  }
}
