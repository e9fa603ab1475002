package org.retorno.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir
  Path dir;

  @Test
  void directoriesAreRecursedSortedAndNamedRelativeToThemselves() {
    TestFiles.write(dir, "b.xml", "x");
    TestFiles.write(dir, "a/z.xml", "x");
    TestFiles.write(dir, "a/b.xml", "x");
    TestFiles.write(dir, ".hidden/c.xml", "x");
    TestFiles.write(dir, "a/.DS_Store", "x");

    assertThat(InputFiles.expand(List.of(dir))).extracting(InputFile::name).containsExactly("a/b.xml", "a/z.xml", "b.xml");
  }

  @Test
  void filesAreNamedByTheirFileNameOnly() {
    InputFile file = TestFiles.write(dir, "deep/down/feed.RSS", "x");

    List<InputFile> files = InputFiles.expand(List.of(file.path().toAbsolutePath()));

    assertThat(files).extracting(InputFile::name).containsExactly("feed.RSS");
    assertThat(files.get(0).extension()).isEqualTo("rss");
  }

  @Test
  void missingInputIsNamedWithoutItsDirectory() {
    assertThatThrownBy(() -> InputFiles.expand(List.of(dir.resolve("missing.csv"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing.csv: no such file or directory");
  }
}
