package org.retorno.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {
  private static final String SPANISH = "Devueltos a Ciudad Juárez: «niños» y señoras, según el INM.";

  @Test
  void utf8ByteOrderMarkIsRemoved() {
    byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, SPANISH.getBytes(StandardCharsets.UTF_8));
    assertThat(CharsetDetector.decode(bytes)).contains(new DecodedText(SPANISH, StandardCharsets.UTF_8));
  }

  @Test
  void utf16ByteOrderMarksGiveTheirByteOrder() {
    byte[] little = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, SPANISH.getBytes(StandardCharsets.UTF_16LE));
    byte[] big = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, SPANISH.getBytes(StandardCharsets.UTF_16BE));
    assertThat(CharsetDetector.decode(little)).contains(new DecodedText(SPANISH, StandardCharsets.UTF_16LE));
    assertThat(CharsetDetector.decode(big)).contains(new DecodedText(SPANISH, StandardCharsets.UTF_16BE));
  }

  @Test
  void validUtf8WithoutMarkIsUtf8() {
    assertThat(CharsetDetector.decode(SPANISH.getBytes(StandardCharsets.UTF_8)))
        .contains(new DecodedText(SPANISH, StandardCharsets.UTF_8));
  }

  @Test
  void curlyQuotesAndDashesInTheC1RangeMeanWindows1252() {
    String text = "“Voluntary” returns — 69 people, €0 paid.";
    byte[] bytes = text.getBytes(CharsetDetector.WINDOWS_1252);
    assertThat(bytes).contains((byte) 0x93, (byte) 0x94, (byte) 0x97, (byte) 0x80);
    assertThat(CharsetDetector.decode(bytes)).contains(new DecodedText(text, CharsetDetector.WINDOWS_1252));
  }

  @Test
  void latinTextWithoutC1BytesIsIso88591() {
    byte[] bytes = SPANISH.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(CharsetDetector.decode(bytes)).contains(new DecodedText(SPANISH, StandardCharsets.ISO_8859_1));
  }

  @Test
  void bytesUndefinedInWindows1252FallBackToIso88591() {
    byte[] bytes = {'a', (byte) 0x81, 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p',
        'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k',
        'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'a', 'b', 'c', 'd', 'e', 'f',
        'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'a',
        'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v'};
    assertThat(CharsetDetector.decode(bytes)).map(DecodedText::charset).contains(StandardCharsets.ISO_8859_1);
  }

  @Test
  void nulBytesAndControlCharactersAreBinary() {
    assertThat(CharsetDetector.decode(new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3})).isEmpty();
    assertThat(CharsetDetector.decode(new byte[] {1, 2, 3, 4, 5, 6, 'a', 'b'})).isEmpty();
  }

  @Property
  void anyBytesDecodeToTextOrAreCalledBinary(@ForAll byte[] bytes) {
    Optional<DecodedText> decoded = CharsetDetector.decode(bytes);
    decoded.ifPresent(text -> assertThat(text.charset()).isIn(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
        StandardCharsets.UTF_16BE, StandardCharsets.ISO_8859_1, CharsetDetector.WINDOWS_1252,
        Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE")));
  }

  @Property
  void anyUtf8TextWithoutControlsComesBackUnchanged(@ForAll String text) {
    String printable = text.replaceAll("[\\p{Cc}\\p{Cs}\\uFFFD\\uFEFF]", "");
    assertThat(CharsetDetector.decode(printable.getBytes(StandardCharsets.UTF_8)).map(DecodedText::text))
        .isEqualTo(printable.isEmpty() ? Optional.of("") : Optional.of(printable));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = new byte[a.length + b.length];
    System.arraycopy(a, 0, joined, 0, a.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  @Test
  void utf8AndLatin1LinesInOneFileAreEachDecodedByThemselves() {
    byte[] utf8 = "{\"body\":\"Devueltos a Ciudad Juárez\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = "{\"body\":\"Secuestros en Matamoros, según el albergue\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] windows1252 = "{\"body\":\"\u201cNo hay lugar\u201d, dijo\"}\n".getBytes(CharsetDetector.WINDOWS_1252);
    byte[] mixed = concat(utf8, latin1, windows1252);

    assertThat(CharsetDetector.decode(mixed)).contains(new DecodedText(
        "{\"body\":\"Devueltos a Ciudad Juárez\"}\n{\"body\":\"Secuestros en Matamoros, según el albergue\"}\n"
            + "{\"body\":\"\u201cNo hay lugar\u201d, dijo\"}\n", CharsetDetector.WINDOWS_1252, true));
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
