package org.retorno.streams.extract;

import java.util.List;
import org.retorno.avro.Category;

/**
 * Picks the place of a claim among the places of its sentence: the most precise, Mexican before
 * foreign, nearest to the cue. Returns and AVR happen in Mexico: a US place counts for them only
 * when it is named as a court or port, and then as the Mexican city it heard (inferred). The
 * countries people were returned to are destinations, not the place of a return.
 */
final class PlaceChooser {

  /** The place, or null when the sentence names none that fits. */
  ChosenPlace choose(List<PlaceMention> places, Category category, int cueStart, int cueEnd) {
    PlaceMention best = null;
    int bestRank = Integer.MAX_VALUE;
    int bestDistance = Integer.MAX_VALUE;
    for (PlaceMention mention : places) {
      int rank = rank(mention, category);
      if (rank < 0) {
        continue;
      }
      int distance = mention.end() <= cueStart ? cueStart - mention.end()
          : mention.start() >= cueEnd ? mention.start() - cueEnd : 0;
      if (rank < bestRank || rank == bestRank && distance < bestDistance) {
        best = mention;
        bestRank = rank;
        bestDistance = distance;
      }
    }
    if (best == null) {
      return null;
    }
    if (usesHearingLocation(best, category)) {
      KnownPlace city = KnownPlace.border(best.hearing().mexicanCity());
      return ChosenPlace.inferred(city, best.hearing().inferenceNote(), "hearing-location inference",
          false);
    }
    return ChosenPlace.named(best.place());
  }

  /** Lower is better; negative means not a place this claim can have. */
  private static int rank(PlaceMention mention, Category category) {
    KnownPlace place = mention.place();
    boolean aReturn = isReturn(category);
    if (aReturn && !place.inMexico()) {
      return usesHearingLocation(mention, category) ? 1 : -1;
    }
    return switch (place.kind()) {
      case BORDER_CITY, MEXICAN_CITY -> 0;
      case US_CITY, FOREIGN_CITY -> 2;
      case MEXICAN_STATE -> 3;
      case US_STATE -> 4;
      case COUNTRY -> place.inMexico() ? 5 : 6;
    };
  }

  private static boolean usesHearingLocation(PlaceMention mention, Category category) {
    return mention.hearing() != null && isReturn(category);
  }

  static boolean isReturn(Category category) {
    return switch (category) {
      case MPP_RETURN, AVR_ENROLLMENT, AVR_DEPARTURE, IN_ABSENTIA_ORDER, REFOULEMENT -> true;
      default -> false;
    };
  }
}
