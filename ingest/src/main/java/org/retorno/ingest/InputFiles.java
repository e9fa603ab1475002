package org.retorno.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Expands the inputs of a run (files and directories) into the files to read, in a stable order. */
public final class InputFiles {
  private InputFiles() {}

  /**
   * Files are kept as given; directories are recursed and their files sorted by relative path.
   * Hidden files (dot files such as .DS_Store) inside directories are operating-system clutter and are
   * skipped.
   *
   * @throws IllegalArgumentException naming the input when it does not exist or cannot be listed
   */
  public static List<InputFile> expand(List<Path> inputs) {
    List<InputFile> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isRegularFile(input) || Files.exists(input, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(input)) {
        files.add(new InputFile(input, input.getFileName().toString()));
      } else if (Files.isDirectory(input)) {
        files.addAll(listDirectory(input));
      } else {
        throw new IllegalArgumentException(input.getFileName() + ": no such file or directory");
      }
    }
    return files;
  }

  private static List<InputFile> listDirectory(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      // Everything but directories: a dangling link or a FIFO is rejected visibly, not skipped.
      return walk.filter(path -> !Files.isDirectory(path))
          .map(file -> directory.relativize(file))
          .filter(relative -> !isHidden(relative))
          .sorted(Comparator.comparing(relative -> relative.toString().replace('\\', '/')))
          .map(relative -> new InputFile(directory.resolve(relative), relative.toString().replace('\\', '/')))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException(directory.getFileName() + ": cannot list directory ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
