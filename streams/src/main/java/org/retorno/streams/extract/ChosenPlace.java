package org.retorno.streams.extract;

import org.retorno.avro.Place;

/** The place given to a claim, a stable key for ids and merging, and why it was chosen. */
record ChosenPlace(Place place, String key, String reason, boolean fromContext) {

  static ChosenPlace named(KnownPlace known) {
    String reason = switch (known.precision()) {
      case CITY -> "explicit city";
      case STATE -> "state-level place";
      case COUNTRY -> "country-level place";
      case UNKNOWN -> "no place";
    };
    return new ChosenPlace(known.toPlace(null), known.key(), reason, false);
  }

  static ChosenPlace inferred(KnownPlace known, String note, String reason, boolean fromContext) {
    return new ChosenPlace(known.toPlace(note), known.key(), reason, fromContext);
  }

  static ChosenPlace unknown() {
    Place place = Place.newBuilder()
        .setName("unknown")
        .setPrecision(org.retorno.avro.PlacePrecision.UNKNOWN)
        .build();
    return new ChosenPlace(place, "unknown", "no place in sentence or document", true);
  }
}
