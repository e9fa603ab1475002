package org.retorno.streams.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.retorno.avro.SourceKind;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The shipped samples as the topology hands them to the extractor: each RSS item as title, a blank
 * line, then its description's paragraphs as blank-line-separated lines; the NGO letter as is.
 */
final class SampleDocuments {
  static final Path SAMPLES = locateSamples();
  private static final Pattern PARAGRAPH = Pattern.compile("(?s)<p>(.*?)</p>");
  private static final Pattern TAG = Pattern.compile("<[^>]+>");

  private SampleDocuments() {}

  static SourceDocument ngoLetter() {
    try {
      String text = Files.readString(SAMPLES.resolve("reports/ngo-letter-iom-avr-2019-07-30.txt"));
      return new SourceDocument("ngo-letter-iom-avr-2019-07-30", SourceKind.NGO,
          "30 organizations (letter to IOM)", null, "en", null, text, LocalDate.of(2019, 7, 30));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the NGO letter sample", e);
    }
  }

  static List<SourceDocument> newsItems() {
    try (InputStream in = Files.newInputStream(SAMPLES.resolve("news/border-news-2019-07.rss.xml"))) {
      org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
      String channelLanguage = text((Element) xml.getElementsByTagName("channel").item(0), "language");
      NodeList items = xml.getElementsByTagName("item");
      List<SourceDocument> documents = new ArrayList<>();
      for (int i = 0; i < items.getLength(); i++) {
        Element item = (Element) items.item(i);
        String title = text(item, "title");
        String link = text(item, "link");
        LocalDate published = ZonedDateTime.parse(text(item, "pubDate"),
            DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        String source = text(item, "source");
        String body = htmlToText(text(item, "description"));
        documents.add(new SourceDocument(link, SourceKind.NEWS, source, link, channelLanguage,
            title, title + "\n\n" + body, published));
      }
      return documents;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the news sample", e);
    }
  }

  private static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
  }

  private static String htmlToText(String html) {
    List<String> paragraphs = new ArrayList<>();
    Matcher m = PARAGRAPH.matcher(html);
    while (m.find()) {
      paragraphs.add(TAG.matcher(m.group(1)).replaceAll("").replace("&amp;", "&").strip());
    }
    return String.join("\n\n", paragraphs);
  }

  private static Path locateSamples() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("samples");
      if (Files.isDirectory(candidate.resolve("news"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("samples/ not found above " + Path.of("").toAbsolutePath());
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
