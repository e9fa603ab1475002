package org.retorno.ingest.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.Reason;

class SafeXmlTest {

  @Test
  void externalEntityIsRefusedWithoutReadingTheFile(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<rss><channel><item><description>&xxe;</description></item></channel></rss>";

    InputRejectedException rejected = rejection(xxe);

    assertThat(rejected.reason()).isEqualTo(Reason.XML_DOCTYPE);
    assertThat(rejected.getMessage()).isEqualTo("DOCTYPE refused (DTDs and entities are not accepted)")
        .doesNotContain("TOP-SECRET");
    assertThat(rejected.position()).isEqualTo("line 2");
  }

  @Test
  void entityExpansionBombIsRefused() {
    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for (int level = 1; level <= 9; level++) {
      bomb.append("<!ENTITY lol").append(level).append(" \"")
          .append(("&lol" + (level == 1 ? "" : level - 1) + ";").repeat(10)).append("\">\n");
    }
    bomb.append("]>\n<rss><channel><title>&lol9;</title></channel></rss>");

    InputRejectedException rejected = rejection(bomb.toString());

    assertThat(rejected.reason()).isEqualTo(Reason.XML_DOCTYPE);
    assertThat(rejected.getMessage()).doesNotContain("\n");
  }

  @Test
  void truncatedXmlIsMalformedWithItsPosition() {
    InputRejectedException rejected = rejection("<rss>\n<channel>\n<item><title>Cut off");

    assertThat(rejected.reason()).isEqualTo(Reason.XML_MALFORMED);
    assertThat(rejected.position()).isEqualTo("line 3, column 21");
    assertThat(rejected.detail()).isEqualTo("XML document structures must start and end within the same entity.");
  }

  @Test
  void binaryGarbageIsMalformed() {
    InputRejectedException rejected = catchThrowableOfType(InputRejectedException.class,
        () -> SafeXml.parse(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}));
    assertThat(rejected.reason()).isEqualTo(Reason.XML_MALFORMED);
    assertThat(rejected.getMessage()).doesNotContain("\n");
  }

  @Test
  void nestingDeeperThanAnyFeedIsMalformed() {
    String deep = "<rss>" + "<div>".repeat(50_000) + "x" + "</div>".repeat(50_000) + "</rss>";
    InputRejectedException rejected = rejection(deep);
    assertThat(rejected.reason()).isEqualTo(Reason.XML_MALFORMED);
    assertThat(rejected.position()).isEqualTo("line 1, column " + (5 + 5 * SafeXml.MAXIMUM_DEPTH));
  }

  @Test
  void wellFormedXmlParses() throws Exception {
    assertThat(SafeXml.parse("<rss><channel/></rss>".getBytes(StandardCharsets.UTF_8))
        .getDocumentElement().getTagName()).isEqualTo("rss");
  }

  private static InputRejectedException rejection(String xml) {
    return catchThrowableOfType(InputRejectedException.class,
        () -> SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
