package org.retorno.ingest.text;

import java.nio.charset.Charset;

/**
 * Text decoded from bytes, with the charset it was found to be in.
 *
 * @param mixed true when UTF-8 lines sat beside lines in {@code charset}, each decoded by itself
 */
public record DecodedText(String text, Charset charset, boolean mixed) {

  public DecodedText(String text, Charset charset) {
    this(text, charset, false);
  }
}
