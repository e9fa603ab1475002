package org.retorno.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The String constructor's decoding, checked for U+FFFD, accepts and decodes exactly what the strict decoder does. */
class CharsetDetectorFastPathTest {
  @Test
  void aReplacementCharacterWrittenInTheFileIsStillUtf8() {
    byte[] bytes = "a\uFFFDb".getBytes(StandardCharsets.UTF_8);

    assertThat(CharsetDetector.strictUtf8(bytes)).contains("a\uFFFDb");
  }

  @Test
  void malformedAndSurrogateSequencesAreNotUtf8() {
    assertThat(CharsetDetector.strictUtf8(new byte[] {'a', (byte) 0xE9, 'b'})).isEmpty();
    assertThat(CharsetDetector.strictUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEmpty();
    assertThat(CharsetDetector.strictUtf8(new byte[] {(byte) 0xC0, (byte) 0xAF})).isEmpty();
  }

  @Property(tries = 3000)
  void fragmentsOfValidAndBrokenUtf8DecodeAsTheStrictDecoderSays(@ForAll("utf8Fragments") byte[] bytes) {
    assertThat(CharsetDetector.strictUtf8(bytes)).isEqualTo(strict(bytes));
  }

  @Property(tries = 1000)
  void anyBytesDecodeAsTheStrictDecoderSays(@ForAll byte[] bytes) {
    assertThat(CharsetDetector.strictUtf8(bytes)).isEqualTo(strict(bytes));
  }

  /** ASCII, two-, three- and four-byte characters, U+FFFD itself, and the pieces of broken sequences. */
  @Provide
  Arbitrary<byte[]> utf8Fragments() {
    List<byte[]> pieces = List.of(bytes("a"), bytes(","), bytes("\n"), bytes("é"), bytes("€"), bytes("\uFFFD"),
        bytes("\uD83D\uDE00"), new byte[] {(byte) 0xE9}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0x80},
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8}, new byte[] {(byte) 0xEF, (byte) 0xBF});
    return Arbitraries.of(pieces).list().ofMaxSize(20).map(list -> {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      list.forEach(out::writeBytes);
      return out.toByteArray();
    });
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The definition: a decoder that reports malformed input instead of replacing it. */
  private static Optional<String> strict(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
