package org.retorno.ingest.text;

import java.nio.charset.Charset;

/** Text decoded from bytes, with the charset it was found to be in. */
public record DecodedText(String text, Charset charset) {}
