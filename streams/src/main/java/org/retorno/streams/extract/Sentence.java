package org.retorno.streams.extract;

/** A sentence as a span of the original text: {@code start} inclusive, {@code end} exclusive. */
public record Sentence(int start, int end) {

  public String text(String document) {
    return document.substring(start, end);
  }
}
