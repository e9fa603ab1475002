package org.retorno.ingest.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.SourceKind;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.InputFile;
import org.retorno.ingest.Reason;
import org.retorno.ingest.RecordingSink;
import org.retorno.ingest.RecordingSink.Refused;
import org.retorno.ingest.TestFiles;
import org.retorno.ingest.text.TextKey;

class NewsParserTest {
  private final NewsParser parser = new NewsParser(TestFiles.CLOCK);

  @TempDir
  Path dir;

  private RecordingSink parse(InputFile file) {
    return RecordingSink.run(parser, file, IngestOptions.defaults());
  }

  @Test
  void sampleRssFeedGivesFiveArticlesWithTheirOwnFields() {
    RecordingSink sink = parse(TestFiles.sample("news/border-news-2019-07.rss.xml"));

    assertThat(sink.refused).isEmpty();
    List<NewsArticle> articles = sink.records(NewsArticle.class);
    assertThat(articles).extracting(NewsArticle::getTitle, NewsArticle::getOutlet, NewsArticle::getLanguage,
        NewsArticle::getPublishedAt).containsExactly(
        tuple("Mexico buses home dozens of asylum seekers returned by U.S.", "Border Wire", "en",
            Instant.parse("2019-07-02T18:40:00Z")),
        tuple("Devueltos a Nuevo Laredo los primeros solicitantes de asilo", "Frontera Hoy", "es",
            Instant.parse("2019-07-10T14:05:00Z")),
        tuple("Asylum seekers returned to Matamoros kidnapped near bus station", "Valley Courier", "en",
            Instant.parse("2019-08-20T09:15:00Z")),
        tuple("Police extortion reported by migrants waiting in Tijuana", "Pacific Ledger", "en",
            Instant.parse("2019-07-24T20:30:00Z")),
        tuple("In Laredo, a tent court opens for Remain in Mexico cases", "Border Wire", "en",
            Instant.parse("2019-09-16T16:00:00Z")));
    assertThat(sink.accepted).extracting(RecordingSink.Accepted::position)
        .containsExactly("item 1", "item 2", "item 3", "item 4", "item 5");

    NewsArticle first = articles.get(0);
    assertThat(first.getUrl()).isEqualTo("https://example.org/border-wire/2019/07/02/mexico-buses-home-asylum-seekers");
    assertThat(first.getSourceKind()).isEqualTo(SourceKind.NEWS);
    assertThat(first.getRetrievedAt()).isEqualTo(TestFiles.NOW);
    assertThat(first.getText()).startsWith("CIUDAD JUÁREZ, Mexico — Mexico's government on Monday bused 69 migrants who "
        + "had been returned to Ciudad Juárez under the U.S. \"Remain in Mexico\" program back to their home countries, "
        + "with the help of the International Organization for Migration.\nThe group of 69 — 40 Hondurans, ")
        .endsWith("\nOfficials said the program could expand to Mexicali and Tijuana in the coming weeks.");
    assertThat(first.getText().lines()).hasSize(4);
    assertThat(first.getId()).isEqualTo(TextKey.ofText(first.getText())).hasSize(64);
    assertThat(sink.accepted.get(0).id()).isEqualTo(first.getId());
  }

  @Test
  void sampleArticleIsScrubbedOfNameAndPhone() {
    NewsArticle tijuana = parse(TestFiles.sample("news/border-news-2019-07.rss.xml")).records(NewsArticle.class).get(3);

    assertThat(tijuana.getText()).isEqualTo("TIJUANA, Mexico — Three asylum seekers returned to Tijuana under the "
        + "\"Remain in Mexico\" policy said municipal police officers extorted them on July 20, demanding money to let "
        + "them go.\nOne of them, [name], 31, said he was told to pay 2,000 pesos. Advocates can be reached at [phone].");
  }

  @Test
  void atomFeedEntriesWithHtmlXhtmlAndTextContent() {
    InputFile feed = TestFiles.write(dir, "wire.atom", """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <title>Frontera Atom</title>
          <entry>
            <title type="html">Returns to &lt;b&gt;Tijuana&lt;/b&gt; resume</title>
            <link rel="self" href="https://example.org/self/1"/>
            <link rel="alternate" href="https://example.org/atom/1"/>
            <updated>2019-07-12T10:00:00Z</updated>
            <published>2019-07-11T08:30:00-05:00</published>
            <content type="html">&lt;p&gt;Forty-five people were returned to Tijuana on July 10.&lt;/p&gt;&lt;p&gt;Shelters are full.&lt;/p&gt;</content>
          </entry>
          <entry xml:lang="es">
            <title>Retornos en Mexicali</title>
            <link href="https://example.org/atom/2"/>
            <updated>2019-07-13</updated>
            <source><title>Diario Fronterizo</title></source>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Veintiún personas fueron devueltas.</p><p>Según el INM, llegaron de noche.</p></div></content>
          </entry>
          <entry>
            <title>Plain text summary</title>
            <summary type="text">Line one &amp; more, with 5 &lt; 10.
        Line two.</summary>
          </entry>
        </feed>
        """);

    RecordingSink sink = parse(feed);

    assertThat(sink.refused).isEmpty();
    assertThat(sink.accepted).extracting(RecordingSink.Accepted::position).containsExactly("entry 1", "entry 2", "entry 3");
    List<NewsArticle> articles = sink.records(NewsArticle.class);
    assertThat(articles).extracting(NewsArticle::getTitle, NewsArticle::getUrl, NewsArticle::getOutlet,
        NewsArticle::getLanguage, NewsArticle::getPublishedAt, NewsArticle::getText).containsExactly(
        tuple("Returns to Tijuana resume", "https://example.org/atom/1", "Frontera Atom", "en",
            Instant.parse("2019-07-11T13:30:00Z"), "Forty-five people were returned to Tijuana on July 10.\nShelters are full."),
        tuple("Retornos en Mexicali", "https://example.org/atom/2", "Diario Fronterizo", "es",
            Instant.parse("2019-07-13T00:00:00Z"), "Veintiún personas fueron devueltas.\nSegún el INM, llegaron de noche."),
        tuple("Plain text summary", null, "Frontera Atom", "en", null, "Line one & more, with 5 < 10.\nLine two."));
  }

  @Test
  void rss1RdfFeedWithDublinCoreDatesAndContentEncoded() {
    InputFile feed = TestFiles.write(dir, "rdf.rss", """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel rdf:about="https://example.org/rdf"><title>RDF Wire</title><dc:language>fr</dc:language></channel>
          <item rdf:about="https://example.org/rdf/1">
            <title>Renvois au Mexique</title>
            <link>https://example.org/rdf/1</link>
            <dc:date>2019-07-15T09:00:00+02:00</dc:date>
            <description>Court résumé.</description>
            <content:encoded><![CDATA[<p>Selon l'OIM, des personnes ont été renvoyées dans leur pays.</p>]]></content:encoded>
          </item>
        </rdf:RDF>
        """);

    List<NewsArticle> articles = parse(feed).records(NewsArticle.class);

    assertThat(articles).extracting(NewsArticle::getTitle, NewsArticle::getOutlet, NewsArticle::getLanguage,
        NewsArticle::getPublishedAt, NewsArticle::getText).containsExactly(
        tuple("Renvois au Mexique", "RDF Wire", "fr", Instant.parse("2019-07-15T07:00:00Z"),
            "Selon l'OIM, des personnes ont été renvoyées dans leur pays."));
  }

  @Test
  void jsonLinesDumpWithBodyHtmlAndBrokenLines() {
    InputFile dump = TestFiles.write(dir, "dump.jsonl", String.join("\n",
        "{\"url\":\"https://example.org/j/1\",\"title\":\"Buses leave Juárez\",\"published\":\"2019-07-02T18:40:00Z\","
            + "\"outlet\":\"Wire One\",\"lang\":\"en-US\",\"body\":\"Sixty-nine people left on buses.\\n\\nIOM helped.\"}",
        "",
        "{\"url\":\"https://example.org/j/2\",\"title\":\"Retornos\",\"published\":\"10 de julio de 2019\","
            + "\"html\":\"<p>Las autoridades devolvieron a 130 personas a Nuevo Laredo, según el INM, y no hubo secuestros.</p>\"}",
        "{\"title\": \"truncated",
        "[1, 2, 3]",
        "{\"title\":\"No text\",\"outlet\":\"Wire One\"}",
        "{\"url\":\"mailto:someone@example.org\",\"title\":\"Odd\",\"body\":\"Text of the third one is here.\"}"));

    RecordingSink sink = parse(dump);

    assertThat(sink.accepted).extracting(RecordingSink.Accepted::position).containsExactly("line 1", "line 3", "line 7");
    assertThat(sink.records(NewsArticle.class)).extracting(NewsArticle::getUrl, NewsArticle::getTitle,
        NewsArticle::getOutlet, NewsArticle::getLanguage, NewsArticle::getPublishedAt, NewsArticle::getText)
        .containsExactly(
            tuple("https://example.org/j/1", "Buses leave Juárez", "Wire One", "en", Instant.parse("2019-07-02T18:40:00Z"),
                "Sixty-nine people left on buses.\nIOM helped."),
            tuple("https://example.org/j/2", "Retornos", NewsArticleBuilder.UNKNOWN_OUTLET, "es",
                Instant.parse("2019-07-10T00:00:00Z"),
                "Las autoridades devolvieron a 130 personas a Nuevo Laredo, según el INM, y no hubo secuestros."),
            tuple(null, "Odd", NewsArticleBuilder.UNKNOWN_OUTLET, "en", null, "Text of the third one is here."));
    assertThat(sink.refused).containsExactly(
        new Refused("line 4", Reason.MALFORMED_JSON, "column 21"),
        new Refused("line 5", Reason.MALFORMED_JSON, "not a JSON object"),
        new Refused("line 6", Reason.NO_TEXT, null));
  }

  @Test
  void itemWithoutTextIsRejectedAndTheOthersAreKept() {
    InputFile feed = TestFiles.write(dir, "feed.xml", """
        <rss version="2.0"><channel><title>Wire</title>
          <item><title>Only a title</title><description>   </description></item>
          <item><title>Markup only</title><description><![CDATA[<p> </p><script>x()</script>]]></description></item>
          <item><title>Real</title><description>Forty people were returned to Reynosa.</description></item>
        </channel></rss>
        """);

    RecordingSink sink = parse(feed);

    assertThat(sink.refused).containsExactly(new Refused("item 1", Reason.NO_TEXT, null),
        new Refused("item 2", Reason.NO_TEXT, null));
    assertThat(sink.records(NewsArticle.class)).extracting(NewsArticle::getText)
        .containsExactly("Forty people were returned to Reynosa.");
  }

  @Test
  void optionsOverrideOutletTitleAndKindAndFillMissingDates() {
    InputFile feed = TestFiles.write(dir, "feed.xml", """
        <rss version="2.0"><channel><title>Wire</title>
          <item><title>Own title</title><pubDate>not a date</pubDate><source>Syndicator</source>
          <description>Thirty people were returned to Piedras Negras by the authorities, and they said that the shelter was full.</description></item>
        </channel></rss>
        """);
    IngestOptions options = new IngestOptions(SourceKind.INTERNATIONAL_ORG, "IOM press", "Press release", "fr",
        LocalDate.of(2019, 7, 3));

    NewsArticle article = RecordingSink.run(parser, feed, options).records(NewsArticle.class).get(0);

    assertThat(article.getOutlet()).isEqualTo("IOM press");
    assertThat(article.getTitle()).isEqualTo("Press release");
    assertThat(article.getSourceKind()).isEqualTo(SourceKind.INTERNATIONAL_ORG);
    assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2019-07-03T00:00:00Z"));
    // The text is clearly English: the batch-wide language is only a fallback.
    assertThat(article.getLanguage()).isEqualTo("en");
  }

  @Test
  void outletFallsBackToTheFeedTitleAndLanguageToTheFeedWhenTheTextIsTooShort() {
    InputFile feed = TestFiles.write(dir, "feed.xml", """
        <rss version="2.0"><channel><title>Border &amp; Wire</title><language>es-MX</language>
          <item><title>Cifras</title><description>Tijuana: 45. Mexicali: 21.</description></item>
        </channel></rss>
        """);

    NewsArticle article = parse(feed).records(NewsArticle.class).get(0);

    assertThat(article.getOutlet()).isEqualTo("Border & Wire");
    assertThat(article.getLanguage()).isEqualTo("es");
    assertThat(article.getPublishedAt()).isNull();
  }

  @Test
  void truncatedFeedIsRejectedWithItsPosition() {
    byte[] sample = readSample();
    InputFile truncated = TestFiles.write(dir, "truncated.xml", java.util.Arrays.copyOf(sample, sample.length / 2));

    RecordingSink sink = parse(truncated);

    assertThat(sink.accepted).isEmpty();
    assertThat(sink.refused).singleElement().satisfies(refused -> {
      assertThat(refused.reason()).isEqualTo(Reason.XML_MALFORMED);
      assertThat(refused.position()).startsWith("line ");
    });
  }

  @Test
  void xmlThatIsNotAFeedIsRejected() {
    RecordingSink sink = parse(TestFiles.write(dir, "page.xml", "<html><body>Hi</body></html>"));
    assertThat(sink.refused).containsExactly(new Refused(null, Reason.NOT_A_FEED, "root element <html>"));
  }

  @Test
  void externalEntityInAFeedIsRejected() {
    RecordingSink sink = parse(TestFiles.write(dir, "xxe.xml",
        "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item>"
            + "<description>&x;</description></item></channel></rss>"));
    assertThat(sink.refused).containsExactly(new Refused("line 1", Reason.XML_DOCTYPE, null));
  }

  @Test
  void emptyBinaryAndUnsupportedFilesAreRejected() {
    assertThat(parse(TestFiles.write(dir, "empty.xml", " \n")).refused)
        .containsExactly(new Refused(null, Reason.EMPTY_FILE, null));
    assertThat(parse(TestFiles.write(dir, "garbage.jsonl", new byte[] {0, 1, 2, 3, (byte) 0xFF})).refused)
        .containsExactly(new Refused(null, Reason.BINARY_CONTENT, null));
    assertThat(parse(TestFiles.write(dir, "garbage.xml", new byte[] {0, 1, 2, 3, (byte) 0xFF})).refused)
        .extracting(Refused::reason).containsExactly(Reason.XML_MALFORMED);
    assertThat(parse(TestFiles.write(dir, "notes.docx", "x")).refused)
        .containsExactly(new Refused(null, Reason.UNSUPPORTED_FILE_TYPE, "news takes .xml, .rss, .atom or .jsonl"));
  }

  @Test
  void windows1252JsonLinesAreDecoded() {
    String line = "{\"title\":\"“Retornos”\",\"body\":\"Devueltos a Ciudad Juárez — según el INM, 69 personas.\"}";
    InputFile dump = TestFiles.write(dir, "cp1252.jsonl", line.getBytes(java.nio.charset.Charset.forName("windows-1252")));

    NewsArticle article = parse(dump).records(NewsArticle.class).get(0);

    assertThat(article.getTitle()).isEqualTo("“Retornos”");
    assertThat(article.getText()).isEqualTo("Devueltos a Ciudad Juárez — según el INM, 69 personas.");
  }

  private static byte[] readSample() {
    try {
      return java.nio.file.Files.readAllBytes(TestFiles.samples("news/border-news-2019-07.rss.xml"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
