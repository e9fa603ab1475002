package org.retorno.local.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.retorno.avro.Claim;
import org.retorno.avro.SourceKind;
import org.retorno.streams.extract.ClaimExtractor;
import org.retorno.streams.extract.ClaimJson;
import org.retorno.streams.extract.ExtractionThroughput;
import org.retorno.streams.extract.SourceDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
    description = {"Read claims from plain text (UTF-8) with the extractor the streams app uses, and print them"
        + " as JSON Lines: one object per claim, every field.",
        "Each FILE is one document; a directory stands for the files in it; - reads standard input."})
final class ExtractCommand implements Callable<Integer> {
  private static final String STDIN = "-";

  @Parameters(arity = "1..*", paramLabel = "FILE|-", description = "Text files, directories, or - for standard input.")
  List<String> inputs;

  @Option(names = "--lang", paramLabel = "CODE",
      description = "ISO 639-1 language (en, es, fr) when the text does not make it clear.")
  String language;

  @Option(names = "--reported", paramLabel = "DATE",
      description = "Report date (yyyy-mm-dd): resolves 'on Monday', 'last week'; undated claims take it.")
  String reported;

  @Option(names = "--source-kind", paramLabel = "KIND",
      description = "Who published: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).", defaultValue = "UNKNOWN")
  SourceKind sourceKind;

  @Option(names = "--source-name", paramLabel = "NAME", description = "Outlet or organisation (default: the file name).")
  String sourceName;

  @Option(names = "--throughput", paramLabel = "SECONDS", arity = "0..1", fallbackValue = "10",
      description = "Instead of claims, measure extraction speed for at least SECONDS (default 10 when given):"
          + " sentences/s and MB/s per core.")
  Integer throughputSeconds;

  @Override
  public Integer call() {
    LocalDate reportDate = parseDate(reported);
    if (language != null && !language.matches("[a-z]{2}")) {
      throw new IllegalArgumentException("--lang '" + language + "' is not an ISO 639-1 code such as en, es or fr");
    }
    List<SourceDocument> documents = new ArrayList<>();
    for (String input : inputs) {
      if (input.equals(STDIN)) {
        documents.add(document("stdin", readStdin(), reportDate));
      } else {
        for (Path file : files(Path.of(input))) {
          documents.add(document(file.toString(), read(file), reportDate));
        }
      }
    }
    ClaimExtractor extractor = new ClaimExtractor();
    PrintStream out = System.out;
    if (throughputSeconds != null) {
      if (throughputSeconds < 1) {
        throw new IllegalArgumentException("--throughput " + throughputSeconds + ": give at least 1 second");
      }
      ExtractionThroughput.Result result = ExtractionThroughput.measure(extractor, documents,
          Duration.ofSeconds(Math.min(5, throughputSeconds)), Duration.ofSeconds(throughputSeconds));
      out.println("extract throughput (" + ClaimExtractor.VERSION + ", one thread): " + result.summary());
      return 0;
    }
    for (SourceDocument doc : documents) {
      for (Claim claim : extractor.extract(doc)) {
        out.println(ClaimJson.line(claim));
      }
    }
    out.flush();
    return 0;
  }

  private SourceDocument document(String id, String text, LocalDate reportDate) {
    String name = sourceName != null ? sourceName : id;
    return new SourceDocument(id, sourceKind, name, null, language, null, text, reportDate);
  }

  static LocalDate parseDate(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--reported '" + text + "' is not a date (yyyy-mm-dd)");
    }
  }

  private static List<Path> files(Path input) {
    if (!Files.exists(input)) {
      throw new IllegalArgumentException(input + ": no such file or directory");
    }
    if (!Files.isDirectory(input)) {
      return List.of(input);
    }
    try (Stream<Path> walk = Files.walk(input)) {
      List<Path> found = walk.filter(Files::isRegularFile).sorted().toList();
      if (found.isEmpty()) {
        throw new IllegalArgumentException(input + ": directory has no files");
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException(input + ": cannot list: " + e.getMessage(), e));
    }
  }

  private static String read(Path file) {
    try {
      return decode(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException(file + ": cannot read: " + e.getMessage(), e));
    }
  }

  private static String readStdin() {
    try {
      InputStream in = System.in;
      return decode(in.readAllBytes(), "standard input");
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("standard input: cannot read: " + e.getMessage(), e));
    }
  }

  /** Strict UTF-8: a file in another encoding is refused, not read as mojibake. */
  private static String decode(byte[] bytes, String name) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString().replaceFirst("^\uFEFF", "");
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(name + ": not UTF-8 text");
    }
  }
}
