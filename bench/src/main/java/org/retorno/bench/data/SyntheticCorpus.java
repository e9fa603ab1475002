package org.retorno.bench.data;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.retorno.schemas.geo.BorderCity;

/**
 * Reports made up for load: English and Spanish paragraphs in the style of NGO letters and
 * situation reports, mixing sentences with counts (returns, AVR departures, kidnappings,
 * extortion) among sentences with none, as real reports do. The same seed gives the same texts.
 * They name places and organisations only, never a person.
 */
public final class SyntheticCorpus {
  private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final String[] SPANISH_MONTHS = {"enero", "febrero", "marzo", "abril", "mayo", "junio",
      "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"};
  private static final String[] ENGLISH = {
      "On %DATE%, about %N% asylum seekers returned to %CITY% under the Migrant Protection Protocols were bused to the south of Mexico.",
      "At least %N% migrants waiting in %CITY% under MPP reported being kidnapped in the weeks before %DATE%.",
      "IOM enrolled %N% people in its assisted voluntary return program in %CITY% on %DATE%.",
      "Shelters in %CITY% reported %N% cases of extortion of returned asylum seekers by %DATE%.",
      "Shelters in %CITY% are operating far above their capacity, and many families sleep outside.",
      "The organisations call on IOM to make sure that every return is informed and truly voluntary.",
      "People who leave miss their hearings in the United States and may be ordered removed in absentia.",
      "More than %N% people have been returned to %CITY% since the program began there.",
      "Local authorities did not answer requests for comment about conditions in %CITY%.",
  };
  private static final String[] SPANISH = {
      "El %DIA%, cerca de %N% solicitantes de asilo devueltos a %CITY% bajo el programa Quédate en México fueron trasladados en autobús.",
      "Al menos %N% migrantes que esperaban en %CITY% denunciaron secuestros antes del %DIA%.",
      "La OIM inscribió a %N% personas en su programa de retorno voluntario asistido en %CITY% el %DIA%.",
      "Los albergues de %CITY% están rebasados y muchas familias duermen en la calle.",
      "Las organizaciones piden garantías de que cada retorno sea informado y voluntario.",
  };

  private final SplittableRandom random;

  public SyntheticCorpus(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** {@code count} documents of about {@code sentences} sentences each, one in four in Spanish. */
  public List<String> documents(int count, int sentences) {
    List<String> documents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      documents.add(document(i % 4 == 3, sentences));
    }
    return documents;
  }

  private String document(boolean spanish, int sentences) {
    StringBuilder text = new StringBuilder();
    String[] templates = spanish ? SPANISH : ENGLISH;
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        text.append(s % 5 == 0 ? "\n\n" : " ");
      }
      text.append(fill(templates[random.nextInt(templates.length)]));
    }
    return text.append('\n').toString();
  }

  private String fill(String template) {
    BorderCity city = BorderCity.values()[random.nextInt(BorderCity.values().length)];
    LocalDate date = RowShape.FIRST_DAY.plusDays(random.nextInt(3 * 365));
    return template
        .replace("%CITY%", city.displayName())
        .replace("%N%", Integer.toString(5 + random.nextInt(300)))
        .replace("%DATE%", date.format(ENGLISH_DATE))
        .replace("%DIA%", date.getDayOfMonth() + " de " + SPANISH_MONTHS[date.getMonthValue() - 1]
            + " de " + date.getYear());
  }
}
