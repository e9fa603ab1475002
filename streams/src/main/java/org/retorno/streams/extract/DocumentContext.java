package org.retorno.streams.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a document says about place as a whole: its dateline ("TIJUANA, Mexico —") and the border
 * cities it names. A sentence that names no place gets its place from here, marked as inferred
 * with a note, never silently. One instance serves one document on one thread.
 */
final class DocumentContext {
  private static final Pattern DATELINE = Pattern.compile(
      "^([\\p{Lu}][\\p{Lu}\\p{M}.' -]{1,40}?)(?:,\\s*[^\u2014\u2013\\n]{1,40}?)?\\s*\\.?\\s*(?:\u2014|\u2013|--)");

  private final KnownPlace dateline;
  private final int datelineStart;
  private final int datelineEnd;
  private final Supplier<List<PlaceMention>> allPlaces;
  private Set<KnownPlace> borderCities;

  private DocumentContext(KnownPlace dateline, int datelineStart, int datelineEnd,
      Supplier<List<PlaceMention>> allPlaces) {
    this.dateline = dateline;
    this.datelineStart = datelineStart;
    this.datelineEnd = datelineEnd;
    this.allPlaces = allPlaces;
  }

  /** {@code allPlaces} gives every place of the document; it is asked once, if at all. */
  static DocumentContext of(String text, String folded, Sentence firstBodySentence,
      Supplier<List<PlaceMention>> allPlaces, PlaceFinder finder) {
    KnownPlace dateline = null;
    int start = -1;
    int end = -1;
    if (firstBodySentence != null) {
      Matcher m = DATELINE.matcher(text).region(firstBodySentence.start(), firstBodySentence.end());
      if (m.lookingAt()) {
        for (PlaceMention place : finder.find(text, folded, m.start(), m.end(), null)) {
          if (place.place().isCity()) {
            dateline = place.place();
            start = m.start();
            end = m.end();
            break;
          }
        }
      }
    }
    return new DocumentContext(dateline, start, end, allPlaces);
  }

  private Set<KnownPlace> borderCities() {
    if (borderCities == null) {
      borderCities = new LinkedHashSet<>();
      for (PlaceMention place : allPlaces.get()) {
        if (place.place().borderCity() != null) {
          borderCities.add(place.place());
        }
      }
    }
    return borderCities;
  }

  /** True for a place mention inside the dateline: it is context, not a statement. */
  boolean inDateline(PlaceMention mention) {
    return dateline != null && mention.start() >= datelineStart && mention.end() <= datelineEnd;
  }

  /** The place for a sentence that names none. */
  ChosenPlace fallback() {
    if (dateline != null) {
      return ChosenPlace.inferred(dateline, "place taken from the article's dateline",
          "place inferred from the dateline", true);
    }
    if (borderCities().size() == 1) {
      KnownPlace only = borderCities().iterator().next();
      return ChosenPlace.inferred(only, "the only border city named in the document",
          "place inferred from document context", true);
    }
    return ChosenPlace.unknown();
  }
}
