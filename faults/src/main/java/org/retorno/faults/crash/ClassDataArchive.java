package org.retorno.faults.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An AppCDS archive of the streams JVM's classes, so that a restarted instance maps the classes of
 * Kafka Streams, RocksDB's JNI wrapper, Avro and the app instead of loading and verifying them one
 * by one. JDK 17 writes a dynamic archive only when a JVM exits normally, and the harness kills
 * its instances: so one instance per harness JVM runs with {@code -XX:ArchiveClassesAtExit} and is
 * stopped cleanly at the end of its run; later runs (the negative control, the next invocation)
 * start from the archive. It lives beside the class-path snapshot it was made from: an archive is
 * only valid for the same jars, and the JVM ignores one that does not match ({@code -Xshare:auto}).
 */
final class ClassDataArchive {
  private static final AtomicBoolean TRAINING_CLAIMED = new AtomicBoolean();

  private ClassDataArchive() {}

  static Optional<Path> existing() {
    Path archive = archive();
    return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
  }

  /** True for the first caller in this JVM when there is no archive yet: that start writes one. */
  static boolean claimTraining() {
    return existing().isEmpty() && TRAINING_CLAIMED.compareAndSet(false, true);
  }

  static Path trainingFile() {
    return ChildProcesses.libDirectory().resolve("streams-" + ProcessHandle.current().pid() + ".jsa.part");
  }

  /** Moves a written training archive into place; a JVM that did not write one leaves nothing. */
  static void publishTraining() {
    Path training = trainingFile();
    try {
      if (Files.isRegularFile(training) && Files.size(training) > 0) {
        Files.move(training, archive(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // Without an archive the next starts are only slower; the run's result does not depend on it.
    }
  }

  private static Path archive() {
    return ChildProcesses.libDirectory().resolve("streams.jsa");
  }
}
