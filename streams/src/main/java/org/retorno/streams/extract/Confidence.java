package org.retorno.streams.extract;

import java.util.List;
import org.retorno.avro.CountKind;
import org.retorno.avro.TimePrecision;

/**
 * A claim's confidence in [0, 1], built from how its place, count and date were read, with the
 * reasons spelled out so an analyst can see what lowered it.
 */
final class Confidence {
  private static final double BASE = 0.4;

  private Confidence() {}

  static double score(ChosenPlace place, CountKind kind, DateMention date, List<String> reasons) {
    double score = BASE;
    reasons.add(place.reason());
    score += switch (place.place().getPrecision()) {
      case CITY -> place.place().getInferred() ? 0.15 : 0.3;
      case STATE -> 0.1;
      case COUNTRY -> 0.05;
      case UNKNOWN -> 0.0;
    };
    switch (kind) {
      case EXACT -> { score += 0.15; reasons.add("exact count"); }
      case APPROXIMATE -> { score += 0.1; reasons.add("approximate count"); }
      case MINIMUM -> { score += 0.1; reasons.add("minimum count"); }
      case RANGE -> { score += 0.1; reasons.add("range count"); }
      case VAGUE -> reasons.add("vague count");
    }
    if (date == null) {
      reasons.add("no date in sentence");
    } else if (date.precision() == TimePrecision.DAY) {
      score += date.source() == DateMention.Source.EXPLICIT ? 0.1 : 0.08;
      reasons.add(date.source() == DateMention.Source.EXPLICIT ? "explicit date" : "relative date");
    } else {
      score += 0.05;
      reasons.add(date.source() == DateMention.Source.REPORT_REFERENCE
          ? "date is that of a cited report (on or before)" : "approximate date");
    }
    return Math.round(Math.min(1.0, Math.max(0.0, score)) * 100) / 100.0;
  }
}
