package org.retorno.streams.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retorno.avro.SourceKind;

/** An annotated corpus file (see the header of dev-corpus.txt for the format). */
final class AnnotatedCorpus {
  private static final Pattern HEADER = Pattern.compile(
      "\\[(\\S+)] (en|es|fr) (\\d{4}-\\d{2}-\\d{2})( trap)?");

  /** One annotated text and the claims an analyst reads from it. */
  record Entry(String id, String language, LocalDate reportDate, boolean trap, String text,
      List<ClaimFields> expected) {

    SourceDocument document() {
      return new SourceDocument(id, SourceKind.NEWS, "corpus", null, language, null, text,
          reportDate);
    }
  }

  private AnnotatedCorpus() {}

  static List<Entry> read(String resource) {
    try (InputStream in = AnnotatedCorpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      return parse(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  private static List<Entry> parse(String resource, BufferedReader reader) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Matcher header = null;
    List<String> paragraphs = new ArrayList<>();
    List<ClaimFields> expected = new ArrayList<>();
    boolean none = false;
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.startsWith("#")) {
        continue;
      }
      String where = resource + " line " + number + ": ";
      if (line.isBlank()) {
        if (header != null) {
          entries.add(entry(where, header, paragraphs, expected, none));
          header = null;
          paragraphs = new ArrayList<>();
          expected = new ArrayList<>();
          none = false;
        }
        continue;
      }
      if (header == null) {
        header = HEADER.matcher(line);
        if (!header.matches()) {
          throw new IllegalStateException(where + "expected an entry header, found: " + line);
        }
      } else if (line.startsWith("  ")) {
        if (line.strip().equals("none")) {
          none = true;
        } else {
          expected.add(ClaimFields.parse(where, line.strip()));
        }
      } else {
        if (!expected.isEmpty() || none) {
          throw new IllegalStateException(where + "text after the expected claims");
        }
        paragraphs.add(line.strip());
      }
    }
    if (header != null) {
      entries.add(entry(resource + " end: ", header, paragraphs, expected, none));
    }
    return entries;
  }

  private static Entry entry(String where, Matcher header, List<String> paragraphs,
      List<ClaimFields> expected, boolean none) {
    if (paragraphs.isEmpty()) {
      throw new IllegalStateException(where + "entry " + header.group(1) + " has no text");
    }
    if (expected.isEmpty() != none) {
      throw new IllegalStateException(where + "entry " + header.group(1)
          + " needs its expected claims or \"none\", not both");
    }
    return new Entry(header.group(1), header.group(2), LocalDate.parse(header.group(3)),
        header.group(4) != null, String.join("\n\n", paragraphs), List.copyOf(expected));
  }
}
