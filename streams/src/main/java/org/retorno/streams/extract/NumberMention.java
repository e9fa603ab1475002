package org.retorno.streams.extract;

import org.retorno.avro.CountKind;

/**
 * A number read from a sentence. {@code start}/{@code end} cover the phrase as written ("at least
 * four", "entre 50 y 60"); {@code value} is the conservative reading (a range's low end, 12 for
 * "dozens"). {@code notCountBecause} is null for a count of people or events, otherwise the reason
 * it is not one ("age", "money", "year", ...). {@code backReference} marks "the group of 69",
 * "the 69": a mention of a group already introduced.
 */
public record NumberMention(int start, int end, int numberStart, int numberEnd, long value,
    CountKind kind, Long low, Long high, String text, String notCountBecause,
    boolean backReference) {

  public boolean isCount() {
    return notCountBecause == null;
  }
}
