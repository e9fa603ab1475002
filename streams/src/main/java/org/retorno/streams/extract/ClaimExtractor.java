package org.retorno.streams.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.retorno.avro.Category;
import org.retorno.avro.Claim;
import org.retorno.avro.Count;
import org.retorno.avro.CountKind;
import org.retorno.avro.CountSemantics;
import org.retorno.avro.Evidence;
import org.retorno.avro.TimePrecision;

/**
 * Reads claims, one per (place, category, count) stated in a sentence, from a news article or a
 * report. A pipeline of small readers: sentences, places, numbers, category cues, negation and
 * modality, count semantics, dates, subgroup breakdowns and evidence scrubbing; then document
 * rules: a headline does not repeat its body, a group mentioned again ("the group of 69") is the
 * same count, and a sentence without a place takes one from context only as an inference.
 * Stateless after construction: share one instance across threads.
 */
public final class ClaimExtractor {
  public static final String VERSION = "extract-1.2.0";

  private static final Pattern CITATION = Pattern.compile(
      "https?://|www\\.|\\bavailable at\\b|\\bdisponible (?:en|sur)\\b|\\bsupra\\b|\\bibid\\b");
  private static final Pattern NEW_GROUP_BEFORE = Pattern.compile("\\b(?:another|other|more"
      + "|additional|new|further|otr[oa]s?|mas|nuev[oa]s|autres?|nouveaux|nouvelles)\\s+(?:\\w+\\s+)?$");
  /** Cheap substrings that every CITATION match contains, checked before the pattern runs. */
  private static final List<String> CITATION_CUES = List.of("://", "www.", "available at",
      "disponible", "supra", "ibid");
  private static final double REPEAT_TOLERANCE = 0.1;
  private static final int SOURCE_NAMES_KEPT = 10_000;
  private static final Pattern SINCE = Pattern.compile("\\b(?:since|desde|depuis|a partir de|began"
      + "|started|comenzo|inicio|debut)\\b");

  private final SentenceSplitter splitter = new SentenceSplitter();
  private final PlaceFinder placeFinder = new PlaceFinder();
  private final NumberReader numberReader = new NumberReader();
  private final BreakdownReader breakdownReader = new BreakdownReader();
  private final CategoryCues categoryCues = new CategoryCues();
  private final Modality modality = new Modality();
  private final SemanticsReader semanticsReader = new SemanticsReader();
  private final DateReader dateReader = new DateReader();
  private final PlaceChooser placeChooser = new PlaceChooser();
  private final EvidenceScrubber scrubber = new EvidenceScrubber();
  private final Map<String, String> scrubbedSourceNames =
      new java.util.concurrent.ConcurrentHashMap<>();

  public ClaimExtractor() {}

  public List<Claim> extract(SourceDocument doc) {
    String text = doc.text();
    String folded = TextFolding.fold(text);
    List<Sentence> sentences = splitter.split(text);
    int titleEnd = titleEnd(doc);
    KnownPlace nogalesHint = placeFinder.nogalesHint(text, folded, sentences);
    List<SentenceReading> readings = new ArrayList<>();
    Sentence firstBody = null;
    for (Sentence sentence : sentences) {
      if (isCitation(folded, sentence)) {
        continue; // footnotes and references cite other sources; they are not this one's statements
      }
      boolean title = sentence.end() <= titleEnd;
      if (!title && firstBody == null) {
        firstBody = sentence;
      }
      readings.add(new SentenceReading(sentence, title));
    }
    // The places of every sentence are read only if a claim needs the document's context: most
    // sentences state no count, and most claims name their place.
    DocumentContext context = DocumentContext.of(text, folded, firstBody, () -> {
      List<PlaceMention> all = new ArrayList<>();
      for (SentenceReading reading : readings) {
        all.addAll(placeFinder.find(text, folded, reading.sentence().start(),
            reading.sentence().end(), nogalesHint));
      }
      return all;
    }, placeFinder);

    List<Candidate> candidates = new ArrayList<>();
    List<SentenceBreakdown> breakdowns = new ArrayList<>();
    for (SentenceReading reading : readings) {
      read(doc, text, folded, reading, nogalesHint, context, candidates, breakdowns);
    }
    List<Candidate> kept = documentRules(candidates);
    return assemble(doc, text, folded, kept, breakdowns);
  }

  private record SentenceReading(Sentence sentence, boolean title) {}

  private record SentenceBreakdown(Sentence sentence, Breakdown breakdown) {}

  private record Candidate(Sentence sentence, boolean title, Category category,
      NumberMention count, ChosenPlace place, DateMention date, CountSemantics semantics,
      List<PlaceMention> places, boolean newGroup) {}

  private void read(SourceDocument doc, String text, String folded, SentenceReading reading,
      KnownPlace nogalesHint, DocumentContext context, List<Candidate> candidates,
      List<SentenceBreakdown> breakdowns) {
    Sentence s = reading.sentence();
    List<NumberMention> numbers = numberReader.read(text, folded, s.start(), s.end());
    List<NumberMention> counts = new ArrayList<>(numbers.stream().filter(NumberMention::isCount).toList());
    if (counts.isEmpty()) {
      return;
    }
    for (Breakdown breakdown : breakdownReader.read(folded, s.end(), counts)) {
      breakdowns.add(new SentenceBreakdown(s, breakdown));
      counts.removeAll(breakdown.partMentions());
    }
    counts.removeAll(breakdownReader.subgroups(folded, s.start(), counts));
    List<PlaceMention> places = placeFinder.find(text, folded, s.start(), s.end(), nogalesHint)
        .stream().filter(p -> !context.inDateline(p)).toList();
    List<CueMention> cues = categoryCues.find(folded, s.start(), s.end(), places);
    List<DateMention> dates = dateReader.read(folded, s.start(), s.end(), doc.reportDate());
    Set<String> seen = new HashSet<>();
    int candidatesBefore = candidates.size();
    List<int[]> clauses = null;
    for (CueMention cue : cues) {
      NumberMention count = nearest(counts.stream()
          .filter(c -> !Asides.separates(folded, s, c, cue)).toList(), cue.start(), cue.end());
      if (count == null || describesGroup(cue, cues, count)) {
        continue;
      }
      if (clauses == null) {
        clauses = Modality.clauseBoundaries(folded, s.start(), s.end());
      }
      if (!modality.asserted(text, folded, s.start(), s.end(), clauses, cue.start(), cue.end(),
          count.start(), count.end())) {
        continue;
      }
      ChosenPlace place = placeChooser.choose(places, cue.category(), cue.start(), cue.end());
      if (place == null) {
        place = context.fallback();
      }
      if (!seen.add(cue.category() + "|" + place.key() + "|" + count.start())) {
        continue;
      }
      CountSemantics semantics = semanticsReader.read(folded, s.start(), s.end(), count.start(),
          count.end());
      DateMention date = nearestDate(semantics == CountSemantics.CUMULATIVE
          ? asOfDates(folded, s, dates) : dates, cue.start(), cue.end());
      boolean newGroup = StartFilter.find(NEW_GROUP_BEFORE,
          folded.substring(Math.max(s.start(), count.start() - 30), count.start()));
      candidates.add(new Candidate(s, reading.title(), cue.category(), count, place, date,
          semantics, places, newGroup));
    }
    addGapped(folded, s, numbers, places, candidates, candidatesBefore);
  }

  /**
   * "Thirteen were kidnapped in Nuevo Laredo and five in Reynosa": a count that follows a claim of
   * the same sentence after "and", with only a place of its own, repeats that claim's verb.
   */
  private void addGapped(String folded, Sentence s, List<NumberMention> numbers,
      List<PlaceMention> places, List<Candidate> candidates, int candidatesBefore) {
    List<Candidate> own = new ArrayList<>(candidates.subList(candidatesBefore, candidates.size()));
    for (NumberMention count : numbers) {
      // The gap leaves the count without its noun; any other reason not to count it stands.
      boolean nounless = count.isCount() || NumberReader.NO_NOUN.equals(count.notCountBecause());
      if (!nounless || own.stream().anyMatch(c -> c.count().equals(count))) {
        continue;
      }
      PlaceMention place = Asides.gappedPlace(folded, s, count, places);
      if (place == null) {
        continue;
      }
      for (Candidate claim : own) {
        if (claim.count().end() < count.start() && claim.place().place().getPrecision()
            == org.retorno.avro.PlacePrecision.CITY && !claim.place().fromContext()
            && !claim.place().place().getInferred()) {
          candidates.add(new Candidate(s, claim.title(), claim.category(), count,
              ChosenPlace.named(place.place()), claim.date(), claim.semantics(), places, true));
        }
      }
    }
  }

  /**
   * "69 migrants who had been returned to Ciudad Juárez" and "asylum seekers returned to
   * Matamoros ... were kidnapped" describe who the group is; the return is not this sentence's news.
   */
  private static boolean describesGroup(CueMention cue, List<CueMention> cues, NumberMention count) {
    if (cue.category() != Category.MPP_RETURN) {
      return false;
    }
    if (cue.relativeClause()) {
      return true;
    }
    boolean laterEvent = cues.stream().anyMatch(other -> other.start() > cue.end()
        && other.category() != Category.MPP_RETURN);
    return cue.bareParticiple() && laterEvent && count.end() <= cue.start();
  }

  private static NumberMention nearest(List<NumberMention> counts, int start, int end) {
    NumberMention best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (NumberMention count : counts) {
      int distance = count.end() <= start ? start - count.end()
          : count.start() >= end ? count.start() - end : 0;
      if (distance < bestDistance) {
        best = count;
        bestDistance = distance;
      }
    }
    return best;
  }

  /**
   * A running total is as of the report (or a stated day), not of the day it started counting
   * from: "since the program began in March" dates the start, not the total.
   */
  private static List<DateMention> asOfDates(String folded, Sentence s, List<DateMention> dates) {
    List<DateMention> asOf = new ArrayList<>();
    for (DateMention date : dates) {
      String before = folded.substring(Math.max(s.start(), date.start() - 60), date.start());
      boolean asOfDay = date.precision() == TimePrecision.DAY || date.precision() == TimePrecision.YEAR;
      if (asOfDay && !StartFilter.find(SINCE, before)) {
        asOf.add(date);
      }
    }
    return asOf;
  }

  private static DateMention nearestDate(List<DateMention> dates, int start, int end) {
    DateMention best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (DateMention date : dates) {
      int distance = date.end() <= start ? start - date.end()
          : date.start() >= end ? date.start() - end : 0;
      if (distance < bestDistance) {
        best = date;
        bestDistance = distance;
      }
    }
    return best;
  }

  /**
   * A headline summarises its body: its claim is dropped when the body states the same category.
   * A later mention of a group already counted (same category, same place or none named, the
   * same figure or within 10%, no sign of a new group) is not a new claim.
   */
  private List<Candidate> documentRules(List<Candidate> candidates) {
    Set<Category> bodyCategories = new HashSet<>();
    for (Candidate c : candidates) {
      if (!c.title()) {
        bodyCategories.add(c.category());
      }
    }
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.title() && bodyCategories.contains(c.category())) {
        continue;
      }
      if (kept.stream().anyMatch(earlier -> repeats(c, earlier))) {
        continue;
      }
      kept.add(c);
    }
    return kept;
  }

  private static boolean repeats(Candidate later, Candidate earlier) {
    if (later.category() != earlier.category() || later.sentence().equals(earlier.sentence())) {
      return false;
    }
    boolean samePlace = later.place().fromContext() || later.place().key().equals(earlier.place().key());
    if (!samePlace) {
      return false;
    }
    long a = earlier.count().value();
    long b = later.count().value();
    if (later.count().backReference() && a == b) {
      return true;
    }
    boolean close = Math.abs(a - b) <= Math.max(1, Math.round(a * REPEAT_TOLERANCE));
    boolean differentDate = later.date() != null && earlier.date() != null
        && !later.date().date().equals(earlier.date().date());
    return close && !differentDate && !later.newGroup();
  }

  private List<Claim> assemble(SourceDocument doc, String text, String folded, List<Candidate> kept,
      List<SentenceBreakdown> breakdowns) {
    String language = kept.isEmpty() ? null : LanguageGuesser.guess(folded, doc.language());
    // Every text field of a claim is scrubbed, not only the evidence: a source's name or URL can
    // carry an e-mail address or a person's name as well as the text can.
    String sourceName = kept.isEmpty() ? null : scrubbedSourceName(doc.sourceName());
    String sourceUrl = kept.isEmpty() ? null : scrubber.scrubUrl(doc.sourceUrl());
    Map<String, Claim> claims = new LinkedHashMap<>();
    Map<Sentence, String> scrubbedSentences = new java.util.HashMap<>();
    for (Candidate c : kept) {
      Map<String, Long> breakdown = breakdownFor(c, kept, breakdowns);
      List<String> reasons = new ArrayList<>();
      double confidence = Confidence.score(c.place(), c.count().kind(), c.date(), reasons);
      String scrubbed = scrubbedSentences.computeIfAbsent(c.sentence(), s -> {
        String sentence = text.substring(s.start(), s.end());
        List<PlaceMention> localPlaces = c.places().stream()
            .map(p -> new PlaceMention(p.start() - s.start(), p.end() - s.start(), p.place(),
                p.hearing()))
            .toList();
        return scrubber.scrub(sentence, localPlaces, c.title());
      });
      String id = claimId(doc.sourceId(), c.sentence().start(), c.category(), c.place().key());
      if (claims.containsKey(id)) {
        id = claimId(doc.sourceId(), c.sentence().start(), c.category(),
            c.place().key() + "|" + c.count().start());
      }
      boolean dated = c.date() != null;
      Claim claim = Claim.newBuilder()
          .setId(id)
          .setSourceId(doc.sourceId())
          .setSourceKind(doc.sourceKind())
          .setSourceName(sourceName)
          .setSourceUrl(sourceUrl)
          .setLanguage(language)
          .setPlace(c.place().place())
          .setCategory(c.category())
          .setCount(Count.newBuilder()
              .setValue(c.count().value())
              .setKind(c.count().kind())
              .setLow(c.count().kind() == CountKind.RANGE ? c.count().low()
                  : c.count().kind() == CountKind.MINIMUM || c.count().kind() == CountKind.VAGUE
                  ? Long.valueOf(c.count().value()) : null)
              .setHigh(c.count().high())
              .setText(scrubber.scrubIdentifiers(c.count().text()))
              .build())
          .setBreakdown(breakdown)
          .setSemantics(c.semantics())
          .setEventDate(dated ? c.date().date() : doc.reportDate())
          .setEventDatePrecision(dated ? c.date().precision() : TimePrecision.UNKNOWN)
          .setReportDate(doc.reportDate())
          .setEvidence(Evidence.newBuilder()
              .setSentence(scrubbed)
              .setStart(c.sentence().start())
              .setEnd(c.sentence().end())
              .build())
          .setExtractorVersion(VERSION)
          .setConfidence(confidence)
          .setConfidenceReasons(reasons)
          .build();
      claims.put(id, claim);
    }
    return new ArrayList<>(claims.values());
  }

  /** Its own sentence's breakdown, or one given later for "the group of N". */
  private static Map<String, Long> breakdownFor(Candidate c, List<Candidate> kept,
      List<SentenceBreakdown> breakdowns) {
    for (SentenceBreakdown sb : breakdowns) {
      Breakdown b = sb.breakdown();
      if (sb.sentence().equals(c.sentence()) && b.total().equals(c.count())) {
        return b.parts();
      }
    }
    for (SentenceBreakdown sb : breakdowns) {
      Breakdown b = sb.breakdown();
      if (sb.sentence().start() > c.sentence().start() && b.total().backReference()
          && b.total().value() == c.count().value() && firstWithValue(c, kept)) {
        return b.parts();
      }
    }
    return Map.of();
  }

  private static boolean firstWithValue(Candidate c, List<Candidate> kept) {
    for (Candidate other : kept) {
      if (other.count().value() == c.count().value()) {
        return other.sentence().equals(c.sentence());
      }
    }
    return false;
  }

  /** Outlets repeat from document to document: their scrubbed names are kept, up to a bound. */
  private String scrubbedSourceName(String name) {
    if (scrubbedSourceNames.size() > SOURCE_NAMES_KEPT) {
      scrubbedSourceNames.clear();
    }
    return scrubbedSourceNames.computeIfAbsent(name, scrubber::scrubMetadata);
  }

  private static boolean isCitation(String folded, Sentence sentence) {
    if (TextFolding.containsAny(folded, sentence.start(), sentence.end(), CITATION_CUES)) {
      // The region's bounds are opaque: the copy keeps what lies outside it out of sight.
      return StartFilter.find(CITATION, folded.substring(sentence.start(), sentence.end()));
    }
    return false;
  }

  private static int titleEnd(SourceDocument doc) {
    String title = doc.title();
    if (title == null || title.isBlank() || !doc.text().startsWith(title)) {
      return 0;
    }
    return title.length();
  }

  static String claimId(String sourceId, int sentenceStart, Category category, String placeKey) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String key = sourceId + "|" + sentenceStart + "|" + category + "|" + placeKey;
      return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
