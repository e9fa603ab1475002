package org.retorno.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.Reason;
import org.retorno.ingest.RecordingSink;
import org.retorno.ingest.TestFiles;

/** Whatever bytes a news file holds, parsing ends in articles and recorded rejections, never an exception. */
class NewsParserPropertiesTest {
  private final NewsParser parser = new NewsParser(TestFiles.CLOCK);
  private final Path dir = tempDir();

  @Property
  void arbitraryBytesAsAFeed(@ForAll @Size(max = 2_000) byte[] bytes) {
    assertOnlyRecordedOutcomes(parse("random.xml", bytes));
  }

  @Property
  void arbitraryBytesAsJsonLines(@ForAll @Size(max = 2_000) byte[] bytes) {
    assertOnlyRecordedOutcomes(parse("random.jsonl", bytes));
  }

  @Property
  void everyNonBlankJsonLineIsAnArticleOrARejection(@ForAll("jsonLines") java.util.List<String> lines) {
    String text = String.join("\n", lines);
    RecordingSink sink = parse("lines.jsonl", text.getBytes(StandardCharsets.UTF_8));
    long nonBlank = java.util.Arrays.stream(text.split("\r?\n", -1)).filter(line -> !line.isBlank()).count();
    if (sink.refused.stream().noneMatch(refused -> refused.position() == null)) {
      assertThat(sink.accepted.size() + sink.refused.size()).isEqualTo(nonBlank);
    }
    assertOnlyRecordedOutcomes(sink);
  }

  @Property
  void mutatedSampleFeedsNeverThrow(@ForAll("mutatedFeeds") byte[] feed) {
    assertOnlyRecordedOutcomes(parse("mutated.rss.xml", feed));
  }

  @Provide
  Arbitrary<java.util.List<String>> jsonLines() {
    Arbitrary<String> line = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().alpha().numeric().withChars(' ', '.', ',').ofMinLength(1).ofMaxLength(60)
            .map(text -> "{\"title\":\"t\",\"body\":\"" + text + "\"}"),
        Arbitraries.strings().ofMaxLength(30).map(text -> "{\"html\":" + text + "}"));
    return line.list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<byte[]> mutatedFeeds() {
    byte[] sample = sampleBytes();
    return Arbitraries.integers().between(0, sample.length - 1).list().ofMinSize(1).ofMaxSize(5)
        .flatMap(cuts -> Arbitraries.bytes().list().ofSize(cuts.size()).map(values -> {
          byte[] mutated = sample.clone();
          for (int i = 0; i < cuts.size(); i++) {
            mutated[cuts.get(i)] = values.get(i);
          }
          return mutated;
        }));
  }

  private RecordingSink parse(String name, byte[] bytes) {
    InputFile file = TestFiles.write(dir, name, bytes);
    return RecordingSink.run(parser, file, IngestOptions.defaults());
  }

  private static void assertOnlyRecordedOutcomes(RecordingSink sink) {
    assertThat(sink.refused).noneMatch(refused -> refused.reason() == Reason.PARSER_FAILURE);
    assertThat(sink.refused).allSatisfy(refused -> assertThat(refused.reason()).isNotNull());
    assertThat(sink.accepted).allSatisfy(accepted -> assertThat(accepted.id()).hasSize(64));
  }

  private static byte[] sampleBytes() {
    try {
      return Files.readAllBytes(TestFiles.samples("news/border-news-2019-07.rss.xml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("news-properties");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterProperty
  void cleanUp() throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
