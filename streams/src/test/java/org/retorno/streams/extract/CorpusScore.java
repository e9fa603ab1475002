package org.retorno.streams.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Precision and recall of the extractor on an annotated corpus, per field and for whole claims.
 * Per entry, the expected and the extracted claims are compared as multisets of one field
 * (place, category, count, semantics, date) or of the whole claim; matches are summed over the
 * corpus. A trap entry fails when it yields a city that none of its expected claims names.
 */
final class CorpusScore {
  static final Map<String, Function<ClaimFields, String>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("place", ClaimFields::place);
    FIELDS.put("category", ClaimFields::category);
    FIELDS.put("count", ClaimFields::count);
    FIELDS.put("semantics", ClaimFields::semantics);
    FIELDS.put("event date", ClaimFields::date);
    FIELDS.put("whole claim", ClaimFields::whole);
  }

  /** Counts of one field: expected, extracted and matched. */
  record Tally(int expected, int extracted, int matched) {
    double precision() {
      return extracted == 0 ? 1.0 : matched / (double) extracted;
    }

    double recall() {
      return expected == 0 ? 1.0 : matched / (double) expected;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Tally plus(int e, int x, int m) {
      return new Tally(expected + e, extracted + x, matched + m);
    }
  }

  /** What the extractor got wrong on one entry. */
  record Miss(AnnotatedCorpus.Entry entry, List<ClaimFields> missing, List<ClaimFields> spurious) {}

  private final Map<String, Tally> tallies = new LinkedHashMap<>();
  private final Map<String, Tally> wholeByLanguage = new LinkedHashMap<>();
  private final List<Miss> misses = new ArrayList<>();
  private final List<String> wrongCities = new ArrayList<>();
  private int entries;
  private int traps;

  static CorpusScore of(List<AnnotatedCorpus.Entry> corpus, ClaimExtractor extractor) {
    CorpusScore score = new CorpusScore();
    for (AnnotatedCorpus.Entry entry : corpus) {
      List<ClaimFields> actual = extractor.extract(entry.document()).stream()
          .map(ClaimFields::of).toList();
      score.add(entry, actual);
    }
    return score;
  }

  private void add(AnnotatedCorpus.Entry entry, List<ClaimFields> actual) {
    entries++;
    List<ClaimFields> expected = entry.expected();
    for (Map.Entry<String, Function<ClaimFields, String>> field : FIELDS.entrySet()) {
      int matched = matched(expected, actual, field.getValue());
      tallies.merge(field.getKey(), new Tally(expected.size(), actual.size(), matched),
          (a, b) -> a.plus(b.expected(), b.extracted(), b.matched()));
    }
    int whole = matched(expected, actual, ClaimFields::whole);
    wholeByLanguage.merge(entry.language(), new Tally(expected.size(), actual.size(), whole),
        (a, b) -> a.plus(b.expected(), b.extracted(), b.matched()));
    if (whole != expected.size() || whole != actual.size()) {
      misses.add(new Miss(entry, minus(expected, actual), minus(actual, expected)));
    }
    if (entry.trap()) {
      traps++;
      Set<String> allowed = expected.stream().map(ClaimFields::city)
          .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
      for (ClaimFields claim : actual) {
        if (claim.city() != null && !allowed.contains(claim.city())) {
          wrongCities.add(entry.id() + ": " + claim.city() + " from \"" + entry.text() + "\"");
        }
      }
    }
  }

  private static int matched(List<ClaimFields> expected, List<ClaimFields> actual,
      Function<ClaimFields, String> field) {
    Map<String, Integer> left = new HashMap<>();
    expected.forEach(c -> left.merge(field.apply(c), 1, Integer::sum));
    int matched = 0;
    for (ClaimFields claim : actual) {
      Integer n = left.get(field.apply(claim));
      if (n != null && n > 0) {
        left.put(field.apply(claim), n - 1);
        matched++;
      }
    }
    return matched;
  }

  private static List<ClaimFields> minus(List<ClaimFields> a, List<ClaimFields> b) {
    List<ClaimFields> rest = new ArrayList<>(b);
    List<ClaimFields> out = new ArrayList<>();
    for (ClaimFields claim : a) {
      if (!rest.remove(claim)) {
        out.add(claim);
      }
    }
    return out;
  }

  Tally tally(String field) {
    return tallies.get(field);
  }

  List<String> wrongCities() {
    return wrongCities;
  }

  List<Miss> misses() {
    return misses;
  }

  /** A Markdown table of the scores, then every miss, for the build log. */
  String report(String title) {
    StringBuilder out = new StringBuilder();
    Tally whole = tally("whole claim");
    out.append(String.format(Locale.ROOT, "%s: %d entries (%d traps), %d expected claims, %d extracted%n",
        title, entries, traps, whole.expected(), whole.extracted()));
    out.append("| field | precision | recall | F1 |\n|---|---|---|---|\n");
    tallies.forEach((field, t) -> out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n",
        field, t.precision(), t.recall(), t.f1())));
    Set<String> languages = new TreeSet<>(wholeByLanguage.keySet());
    for (String language : languages) {
      Tally t = wholeByLanguage.get(language);
      out.append(String.format(Locale.ROOT, "| whole claim, %s (%d expected) | %.3f | %.3f | %.3f |%n",
          language, t.expected(), t.precision(), t.recall(), t.f1()));
    }
    out.append("wrong cities in trap entries: ").append(wrongCities.size()).append('\n');
    wrongCities.forEach(w -> out.append("  WRONG CITY ").append(w).append('\n'));
    for (Miss miss : misses) {
      out.append("  miss ").append(miss.entry().id()).append(": ").append(miss.entry().text()
          .replace("\n\n", " / ")).append('\n');
      miss.missing().forEach(c -> out.append("      expected  ").append(c).append('\n'));
      miss.spurious().forEach(c -> out.append("      extracted ").append(c).append('\n'));
    }
    return out.toString();
  }
}
