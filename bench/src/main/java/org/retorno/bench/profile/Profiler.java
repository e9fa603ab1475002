package org.retorno.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A JDK Flight Recorder recording (the JDK's "profile" settings: execution samples every 10 ms,
 * allocation and lock events) around one measurement, written to a file for {@code jfr} and for
 * {@link ProfileSummary}.
 */
public final class Profiler implements AutoCloseable {
  private final Recording recording;
  private final Path file;

  private Profiler(Recording recording, Path file) {
    this.recording = recording;
    this.file = file;
  }

  public static Profiler start(Path file) throws IOException {
    try {
      Recording recording = new Recording(Configuration.getConfiguration("profile"));
      recording.setName("retorno-bench");
      recording.start();
      return new Profiler(recording, file);
    } catch (ParseException e) {
      throw new IllegalStateException("the JDK's own 'profile' JFR settings do not parse: " + e.getMessage(), e);
    }
  }

  /** Stops the recording and writes it out. */
  @Override
  public void close() throws IOException {
    recording.stop();
    recording.dump(file);
    recording.close();
  }

  public Path file() {
    return file;
  }
}
