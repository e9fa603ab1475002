package org.retorno.streams.extract;

import java.util.HashMap;
import java.util.Map;

/** Nationality nouns and adjectives (EN/ES/FR, folded) and the country each stands for. */
final class Nationalities {
  private static final Map<String, String> COUNTRY_BY_WORD = new HashMap<>();

  static {
    add("Honduras", "honduran", "hondureno", "hondurena", "hondurien", "hondurienne");
    add("Guatemala", "guatemalan", "guatemalteco", "guatemalteca", "guatemalteque");
    add("El Salvador", "salvadoran", "salvadorian", "salvadoreno", "salvadorena", "salvadorien",
        "salvadorienne");
    add("Nicaragua", "nicaraguan", "nicaraguense", "nicaraguayen", "nicaraguayenne");
    add("Cuba", "cuban", "cubano", "cubana", "cubain", "cubaine");
    add("Venezuela", "venezuelan", "venezolano", "venezolana", "venezuelien", "venezuelienne");
    add("Ecuador", "ecuadorian", "ecuadorean", "ecuatoriano", "ecuatoriana", "equatorien",
        "equatorienne");
    add("Colombia", "colombian", "colombiano", "colombiana", "colombien", "colombienne");
    add("Haiti", "haitian", "haitiano", "haitiana", "haitien", "haitienne");
    add("Mexico", "mexican", "mexicano", "mexicana", "mexicain", "mexicaine");
    add("Brazil", "brazilian", "brasileno", "brasilena", "bresilien", "bresilienne");
    add("Peru", "peruvian", "peruano", "peruana", "peruvien", "peruvienne");
    add("Dominican Republic", "dominican", "dominicano", "dominicana", "dominicain", "dominicaine");
    add("Belize", "belizean", "beliceno", "belicena");
    add("Costa Rica", "costa rican", "costarricense");
  }

  private Nationalities() {}

  private static void add(String country, String... singulars) {
    for (String singular : singulars) {
      COUNTRY_BY_WORD.put(singular, country);
      COUNTRY_BY_WORD.put(singular + "s", country);
    }
  }

  /** The country for a folded nationality word ("hondurans", "guatemaltecos"), or null. */
  static String country(String foldedWord) {
    return COUNTRY_BY_WORD.get(foldedWord);
  }
}
