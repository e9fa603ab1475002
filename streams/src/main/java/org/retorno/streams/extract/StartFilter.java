package org.retorno.streams.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters a pattern's matches can start with, read from its source, so that a search tries
 * the pattern only where one of them stands (and, for a pattern that opens with {@code \b} before
 * a word character, only where a word starts). {@code Matcher.find} tries every alternative of a
 * pattern at every position of the text; most readers' patterns are long lists of words, and most
 * positions cannot start any of them.
 *
 * <p>The search gives exactly what {@code find} over a region with transparent, non-anchoring bounds
 * gives: the leftmost match, then the next from its end. Whatever the reading does not understand
 * (a {@code \p} class, a negated class, {@code \G}, flags, a pattern that can match nothing) makes
 * every position a candidate, which is plain {@code find}.
 */
final class StartFilter {
  private final Pattern pattern;
  /** ASCII characters a match can start with; null when any character can. */
  private final long[] ascii;
  /** Whether a match can start with a character above ASCII. */
  private final boolean nonAscii;
  /** Whether a match needs a word boundary before its first (word) character. */
  private final boolean wordStart;
  /** Whether every match opens with {@code ^}: with non-anchoring bounds, only at 0. */
  private final boolean anchored;
  /** By first character, the texts one of which every match starts with; null when unknown. */
  private final String[][] prefixes;
  /**
   * By first character, the ASCII second characters of its prefixes (null when one of them has
   * none or a non-ASCII one): most candidates fail here, before any prefix is compared.
   */
  private final long[][] seconds;
  /**
   * By first and second character, the prefixes that start with both (where {@code seconds} is
   * known): the lists of word alternatives are long, and a candidate is compared with only the
   * few that share its first two characters.
   */
  private final String[][][] bySecond;
  /**
   * When every match ends at a {@code $} and has at most this many characters other than blanks
   * ({@code \s}), their count; else -1. The readers' "before" patterns are of this kind (a few
   * words, then blanks, at the end of a window): a match can only start that close to the end,
   * and the rest of the window is not scanned at all.
   */
  private final int beforeEnd;
  /**
   * For a pattern whose matches can start with a blank ({@code \s}): the ASCII characters its
   * first other character can be, when only its {@code \s} atoms can consume blanks; else null.
   * The readers' "after" patterns open with {@code ^\s*}: at most positions the word after the
   * blanks is none of theirs, and no matcher is made.
   */
  private final long[] afterBlanks;
  private final boolean afterBlanksNonAscii;

  private StartFilter(Pattern pattern, long[] ascii, boolean nonAscii, boolean wordStart,
      boolean anchored, String[][] prefixes, int beforeEnd, Reading afterBlanks) {
    this.pattern = pattern;
    this.beforeEnd = beforeEnd;
    this.afterBlanks = afterBlanks == null ? null : afterBlanks.ascii;
    this.afterBlanksNonAscii = afterBlanks != null && afterBlanks.nonAscii;
    this.ascii = ascii;
    this.nonAscii = nonAscii;
    this.wordStart = wordStart;
    this.anchored = anchored;
    this.prefixes = prefixes;
    this.seconds = prefixes == null ? null : new long[128][];
    this.bySecond = prefixes == null ? null : new String[128][][];
    for (int c = 0; prefixes != null && c < 128; c++) {
      seconds[c] = secondChars(prefixes[c]);
      bySecond[c] = seconds[c] == null ? null : bySecond(prefixes[c]);
    }
  }

  private static String[][] bySecond(String[] prefixes) {
    String[][] bySecond = new String[128][];
    for (String p : prefixes) {
      String[] known = bySecond[p.charAt(1)];
      String[] more = known == null ? new String[1] : java.util.Arrays.copyOf(known, known.length + 1);
      more[more.length - 1] = p;
      bySecond[p.charAt(1)] = more;
    }
    return bySecond;
  }

  private static long[] secondChars(String[] prefixes) {
    if (prefixes == null) {
      return null;
    }
    long[] bits = new long[2];
    for (String p : prefixes) {
      if (p.length() < 2 || p.charAt(1) >= 128) {
        return null;
      }
      set(bits, p.charAt(1));
    }
    return bits;
  }

  private static final java.util.Map<Pattern, StartFilter> READ =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Filters by identity hash, in front of {@link #READ}: readers ask for a filter at every search,
   * a thousand times a document, and the concurrent map's lookup showed in profiles. A racing
   * write is harmless: every field of a filter is final, so any thread sees it whole.
   */
  private static final StartFilter[] RECENT = new StartFilter[1024];

  /** The filter of a pattern, read once (patterns are constants of the readers). */
  static StartFilter of(Pattern pattern) {
    int slot = System.identityHashCode(pattern) & (RECENT.length - 1);
    StartFilter recent = RECENT[slot];
    if (recent != null && recent.pattern == pattern) {
      return recent;
    }
    StartFilter known = READ.computeIfAbsent(pattern, StartFilter::read);
    RECENT[slot] = known;
    return known;
  }

  /** As {@code p.matcher(text).region(from, to)} with transparent, non-anchoring bounds. */
  static Finder finder(Pattern p, String text, int from, int to) {
    return of(p).finder(text, from, to);
  }

  /** As {@code p.matcher(text).find()}. */
  static boolean find(Pattern p, String text) {
    return of(p).find(text);
  }

  private static StartFilter read(Pattern pattern) {
    Reading r = pattern.flags() == 0 ? new Reader(pattern.pattern()).read() : null;
    if (r == null || r.nullable) {
      return new StartFilter(pattern, null, true, false, false, null, -1, null);
    }
    boolean wordChars = !r.nonAscii && (r.ascii[0] & ~WORD[0]) == 0 && (r.ascii[1] & ~WORD[1]) == 0;
    Reading afterBlanks = null;
    if ((r.ascii[0] & SPACE[0]) != 0) {
      Reader blanksFree = new Reader(pattern.pattern());
      blanksFree.blanksFree = true;
      Reading b = blanksFree.read();
      // A blank among the other first characters: some other atom can consume blanks.
      afterBlanks = b != null && !b.nullable && (b.ascii[0] & SPACE[0]) == 0 ? b : null;
    }
    return new StartFilter(pattern, r.ascii, r.nonAscii, r.boundary && wordChars, r.anchored,
        byFirst(r.prefixes), r.endsAtDollar && r.maxLength < UNBOUNDED ? r.maxLength : -1,
        afterBlanks);
  }

  private static String[][] byFirst(List<String> prefixes) {
    if (prefixes == null || prefixes.stream().anyMatch(p -> p.charAt(0) >= 128)) {
      return null;
    }
    String[][] byFirst = new String[128][];
    for (String p : prefixes) {
      String[] known = byFirst[p.charAt(0)];
      String[] more = known == null ? new String[1] : java.util.Arrays.copyOf(known, known.length + 1);
      more[more.length - 1] = p;
      byFirst[p.charAt(0)] = more;
    }
    return byFirst;
  }

  Pattern pattern() {
    return pattern;
  }

  /** The texts one of which every match starts with, in no order; empty when unknown (for tests). */
  List<String> prefixes() {
    List<String> all = new ArrayList<>();
    if (prefixes != null) {
      for (String[] some : prefixes) {
        all.addAll(some == null ? List.of() : List.of(some));
      }
    }
    return all;
  }

  /** The most characters other than blanks a match ending at {@code $} has, or -1 (for tests). */
  int beforeEnd() {
    return beforeEnd;
  }

  /**
   * The first position of {@code text} where a match ending at or before {@code to} can start,
   * or -1 when none can. Without anchoring bounds a {@code $} matches only in the last two
   * characters of the whole text or at its end, and a match holds at most {@link #beforeEnd}
   * characters other than blanks: it starts after the one before them.
   */
  private int firstBeforeEnd(String text, int to) {
    int first = Integer.MAX_VALUE;
    for (int end = Math.min(to, text.length()); end >= Math.max(0, text.length() - 2); end--) {
      int start = end;
      int others = 0;
      while (start > 0) {
        if (!isSpace(text.charAt(start - 1)) && others++ == beforeEnd) {
          break;
        }
        start--;
      }
      first = Math.min(first, start);
    }
    return first == Integer.MAX_VALUE ? -1 : first;
  }

  private static boolean isSpace(char c) {
    return c < 128 && (SPACE[c >>> 6] & (1L << c)) != 0;
  }

  /** Whether the first character after the blanks at {@code i} can go on a match (see above). */
  private boolean afterBlanks(String text, int i, int to) {
    if (afterBlanks == null) {
      return true;
    }
    int j = i;
    while (j < to && isSpace(text.charAt(j))) {
      j++;
    }
    if (j == to) {
      return false; // a match consumes a character other than a blank, inside the region
    }
    char c = text.charAt(j);
    return c < 128 ? (afterBlanks[c >>> 6] & (1L << c)) != 0 : afterBlanksNonAscii;
  }

  /** Whether matches are tried only where the word after the blanks can go on one (for tests). */
  boolean looksPastBlanks() {
    return afterBlanks != null;
  }

  /** Whether the filter narrows the search at all (for tests). */
  boolean narrows() {
    return ascii != null;
  }

  /** A search of {@code [from, to)} of {@code text}; the text outside is seen by look-arounds. */
  Finder finder(String text, int from, int to) {
    return new Finder(text, from, to);
  }

  /** Whether {@code text} has a match in {@code [from, to)}. */
  boolean find(String text, int from, int to) {
    return finder(text, from, to).find();
  }

  /** Whether {@code text} has a match anywhere. */
  boolean find(String text) {
    return finder(text, 0, text.length()).find();
  }

  private boolean canStart(String text, int i) {
    char c = text.charAt(i);
    if (c < 128) {
      if ((ascii[c >>> 6] & (1L << c)) == 0) {
        return false;
      }
    } else if (!nonAscii) {
      return false;
    }
    if (wordStart && i > 0) {
      // A word character before means no boundary (the regex's own test is wider still).
      char before = text.charAt(i - 1);
      if (before < 128 ? (WORD[before >>> 6] & (1L << before)) != 0
          : Character.isLetterOrDigit(before)) {
        return false;
      }
    }
    if (prefixes != null) {
      String[] known = c < 128 ? prefixes[c] : null;
      if (known == null) {
        return false;
      }
      long[] second = seconds[c];
      if (second != null) {
        char d = i + 1 < text.length() ? text.charAt(i + 1) : 128;
        if (d >= 128 || (second[d >>> 6] & (1L << d)) == 0) {
          return false; // every prefix has an ASCII second character, and this is none of them
        }
        known = bySecond[c][d];
      }
      for (String prefix : known) {
        if (text.startsWith(prefix, i)) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  /** Matches in turn, like a {@code Matcher}'s {@code find()}, {@code start()}, {@code group()}. */
  final class Finder {
    private final String text;
    private final int from;
    private final int to;
    /** Made at the first candidate: most searches meet none. */
    private Matcher m;
    private int next;

    private Finder(String text, int from, int to) {
      this.text = text;
      this.from = from;
      this.to = to;
      this.next = from;
      if (ascii == null) {
        matcher();
      }
    }

    private Matcher matcher() {
      if (m == null) {
        m = pattern.matcher(text).region(from, to);
        m.useTransparentBounds(true).useAnchoringBounds(false);
      }
      return m;
    }

    boolean find() {
      if (ascii == null) {
        return m.find();
      }
      int last = anchored ? Math.min(to, 1) : to;
      if (beforeEnd >= 0 && next < to) {
        int first = firstBeforeEnd(text, to);
        next = first < 0 ? to : Math.max(next, first);
      }
      if (wordStart && text.length() >= WordStarts.INDEXED) {
        return findAtWordStarts(last);
      }
      for (int i = next; i < last; i++) {
        if (canStart(text, i) && afterBlanks(text, i, to) && matchesAt(i)) {
          return true;
        }
      }
      next = to;
      return false;
    }

    /** As {@link #find}, trying only the text's word starts: no other position passes. */
    private boolean findAtWordStarts(int last) {
      WordStarts words = WordStarts.of(text);
      for (int i = words.next(next, last); i >= 0; i = words.next(i + 1, last)) {
        if (canStart(text, i) && matchesAt(i)) {
          return true;
        }
      }
      next = to;
      return false;
    }

    /** Whether a match starts at {@code i}; if one does, the next search starts at its end. */
    private boolean matchesAt(int i) {
      Matcher candidate = matcher().region(i, to);
      if (!candidate.lookingAt()) {
        return false;
      }
      next = candidate.end();
      return true;
    }

    /** As {@code region(position, to)} on a matcher: the next search starts there. */
    void skipTo(int position) {
      if (ascii == null) {
        m.region(position, to);
      }
      next = position;
    }

    int start() {
      return m.start();
    }

    int end() {
      return m.end();
    }

    String group() {
      return m.group();
    }

    String group(int group) {
      return m.group(group);
    }
  }


  private static final long[] WORD = new long[2];
  private static final long[] DIGIT = new long[2];
  private static final long[] SPACE = new long[2];

  static {
    for (char c = 0; c < 128; c++) {
      if (c >= '0' && c <= '9') {
        set(DIGIT, c);
      }
      if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
        set(WORD, c);
      }
    }
    for (char c : new char[] {' ', '\t', '\n', '\u000B', '\f', '\r'}) {
      set(SPACE, c);
    }
  }

  /** Whether {@code c} is an ASCII letter, digit or underscore. */
  static boolean isAsciiWord(char c) {
    return c < 128 && (WORD[c >>> 6] & (1L << c)) != 0;
  }

  private static void set(long[] bits, char c) {
    bits[c >>> 6] |= 1L << c;
  }

  /** A match length with no bound (a {@code *}, a {@code +}, an open {@code {n,}}). */
  private static final int UNBOUNDED = Integer.MAX_VALUE;

  /** What can start a piece of a pattern. */
  private static final class Reading {
    final long[] ascii = new long[2];
    boolean nonAscii;
    /** The piece can match the empty string. */
    boolean nullable;
    /** A {@code \b} comes before anything the piece can consume, on every alternative. */
    boolean boundary;
    /** A {@code ^} comes before anything the piece can consume, on every alternative. */
    boolean anchored;
    /** Texts one of which every match of the piece starts with; null when unknown. */
    List<String> prefixes;
    /**
     * The most characters other than blanks ({@code \s}) a match of the piece consumes, counting
     * every character of a piece other than {@code \s} or a space; {@link #UNBOUNDED} when any
     * number.
     */
    int maxLength = 1;
    /** Whether every match of the piece ends at a {@code $}, after only zero-width atoms. */
    boolean endsAtDollar;

    void add(Reading other) {
      ascii[0] |= other.ascii[0];
      ascii[1] |= other.ascii[1];
      nonAscii |= other.nonAscii;
    }

    void add(char c) {
      if (c < 128) {
        set(ascii, c);
      } else {
        nonAscii = true;
      }
    }

    void add(long[] bits) {
      ascii[0] |= bits[0];
      ascii[1] |= bits[1];
    }
  }

  /** Thrown where the reading gives up: then every position is a candidate. */
  private static final class Unknown extends RuntimeException {
    Unknown() {
      super(null, null, false, false);
    }
  }

  /**
   * A recursive descent over the parts of the regex syntax the readers use: literals, escaped
   * punctuation, {@code \d \s \w}, letter and number classes, classes of literals and ranges,
   * groups, alternatives, look-arounds and boundaries (which consume nothing), and quantifiers.
   * Once a sequence has consumed for sure, and inside look-arounds, what follows cannot change
   * where a match starts: it is only skipped ({@code lenient}), and may use more of the syntax.
   */
  private static final class Reader {
    private final String source;
    private int at;
    private int lenient;
    /**
     * Whether {@code \s} and a space are read as consuming nothing: the first characters read
     * are then those of the first character of a match that no {@code \s} consumed.
     */
    boolean blanksFree;
    /** The most repetitions the last quantifier read allows (1 without one). */
    private int quantifierMax = 1;

    private static int sum(int a, int b) {
      return a >= UNBOUNDED || b >= UNBOUNDED ? UNBOUNDED : Math.min(UNBOUNDED, a + b);
    }

    private static int times(int length, int repetitions) {
      return length == 0 ? 0 : length >= UNBOUNDED || repetitions >= UNBOUNDED ? UNBOUNDED
          : (int) Math.min(UNBOUNDED, (long) length * repetitions);
    }

    Reader(String source) {
      this.source = source;
    }

    Reading read() {
      try {
        Reading r = alternatives();
        return at == source.length() ? r : null;
      } catch (Unknown | IndexOutOfBoundsException | NumberFormatException e) {
        return null;
      }
    }

    private Reading alternatives() {
      Reading all = sequence();
      while (at < source.length() && source.charAt(at) == '|') {
        at++;
        Reading next = sequence();
        all.add(next);
        all.nullable |= next.nullable;
        all.boundary &= next.boundary;
        all.anchored &= next.anchored;
        all.maxLength = Math.max(all.maxLength, next.maxLength);
        all.endsAtDollar &= next.endsAtDollar;
        if (all.prefixes != null && next.prefixes != null) {
          all.prefixes = new ArrayList<>(all.prefixes);
          all.prefixes.addAll(next.prefixes);
        } else {
          all.prefixes = null;
        }
      }
      return all;
    }

    private Reading sequence() {
      Reading seq = new Reading();
      seq.nullable = true;
      boolean consumed = false;
      List<String> prefixes = new ArrayList<>(List.of(""));
      boolean extending = true;
      int length = 0;
      boolean endsAtDollar = false;
      while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
        // Once the sequence has consumed for sure, the rest cannot change its first characters.
        boolean skipped = !seq.nullable;
        lenient += skipped ? 1 : 0;
        Atom atom = atom();
        int quantifier = at;
        boolean nullable = atom.zeroWidth || quantified(atom.reading.nullable);
        boolean quantifiedAtom = at != quantifier;
        lenient -= skipped ? 1 : 0;
        if (atom.end == End.DOLLAR) {
          endsAtDollar = true;
        } else if (!atom.zeroWidth) {
          // Blanks are free: "at\s+least" has 7 other characters, however many blanks.
          int most = atom.end == End.SPACE ? 0 : atom.reading.maxLength;
          length = sum(length, times(most, quantifierMax));
          endsAtDollar = false;
        }
        if (atom.zeroWidth) {
          seq.boundary |= atom.boundary && !consumed && !skipped;
          seq.anchored |= atom.anchor && !consumed && !skipped;
          continue;
        }
        if (extending) {
          extending = extend(prefixes, atom, quantifiedAtom);
        }
        if (skipped) {
          continue;
        }
        Reading r = atom.reading;
        seq.add(r);
        if (!consumed && r.boundary && !nullable) {
          seq.boundary = true; // a group whose every alternative opens with \b, taken for sure
        }
        seq.anchored |= !consumed && r.anchored && !nullable;
        seq.nullable = nullable;
        consumed = true;
      }
      seq.prefixes = prefixes.contains("") ? null : prefixes;
      seq.maxLength = length;
      seq.endsAtDollar = endsAtDollar;
      return seq;
    }

    /**
     * Lengthens the texts every match starts with by an atom: a literal character, or a group
     * whose every alternative starts with a known text (after which the texts stop growing).
     */
    private static boolean extend(List<String> prefixes, Atom atom, boolean quantifiedAtom) {
      if (quantifiedAtom) {
        return false;
      }
      if (atom.literal >= 0) {
        prefixes.replaceAll(p -> p + (char) atom.literal);
        return true;
      }
      if (atom.single) {
        // One character of a small class: each text goes on with each of them.
        List<Character> chars = new ArrayList<>();
        for (char c = 0; c < 128 && !atom.reading.nonAscii && chars.size() <= 8; c++) {
          if ((atom.reading.ascii[c >>> 6] & (1L << c)) != 0) {
            chars.add(c);
          }
        }
        if (atom.reading.nonAscii || chars.size() > 8 || prefixes.size() * chars.size() > 256) {
          return false;
        }
        List<String> longer = new ArrayList<>();
        for (String p : prefixes) {
          for (char c : chars) {
            longer.add(p + c);
          }
        }
        prefixes.clear();
        prefixes.addAll(longer);
        return true;
      }
      List<String> inner = atom.reading.prefixes;
      if (inner != null && prefixes.size() * inner.size() <= 256) {
        List<String> longer = new ArrayList<>();
        for (String p : prefixes) {
          for (String q : inner) {
            longer.add(p + q);
          }
        }
        prefixes.clear();
        prefixes.addAll(longer);
      }
      return false;
    }

    private record Atom(Reading reading, boolean zeroWidth, boolean boundary, boolean anchor,
        int literal, boolean single, End end) {}

    /** What an atom is to the end of a match: {@code $}, a {@code \s}, or anything else. */
    private enum End { DOLLAR, SPACE, OTHER }

    private Atom atom() {
      char c = source.charAt(at++);
      switch (c) {
        case '^' -> {
          return new Atom(null, true, false, true, -1, false, End.OTHER);
        }
        case '$' -> {
          return new Atom(null, true, false, false, -1, false, End.DOLLAR);
        }
        case '.' -> {
          return new Atom(any(), false, false, false, -1, true, End.OTHER);
        }
        case '[' -> {
          return new Atom(charClass(), false, false, false, -1, true, End.OTHER);
        }
        case '(' -> {
          return group();
        }
        case '\\' -> {
          return escape();
        }
        case '*', '+', '?', '{' -> throw new Unknown();
        default -> {
          if (c == ' ' && blanksFree) {
            quantified(true);
            return zeroWidth(false);
          }
          Reading r = new Reading();
          r.add(c);
          return new Atom(r, false, false, false, c, true, c == ' ' ? End.SPACE : End.OTHER);
        }
      }
    }

    /** Any character: allowed only where the characters do not matter. */
    private Reading any() {
      if (lenient == 0) {
        throw new Unknown();
      }
      Reading r = new Reading();
      r.ascii[0] = -1L;
      r.ascii[1] = -1L;
      r.nonAscii = true;
      return r;
    }

    private Atom group() {
      boolean lookaround;
      if (source.startsWith("?:", at)) {
        at += 2;
        lookaround = false;
      } else if (source.startsWith("?=", at) || source.startsWith("?!", at)) {
        at += 2;
        lookaround = true;
      } else if (source.startsWith("?<=", at) || source.startsWith("?<!", at)) {
        at += 3;
        lookaround = true;
      } else if (source.startsWith("?", at)) {
        throw new Unknown(); // flags, named and atomic groups: not read here
      } else {
        lookaround = false;
      }
      if (lookaround) {
        lenient++;
        alternatives();
        lenient--;
        expect(')');
        noQuantifier();
        return zeroWidth(false);
      }
      Reading inner = alternatives();
      expect(')');
      return consuming(inner);
    }

    private void expect(char c) {
      if (source.charAt(at++) != c) {
        throw new Unknown();
      }
    }

    private void noQuantifier() {
      if (at < source.length() && "*+?{".indexOf(source.charAt(at)) >= 0) {
        throw new Unknown();
      }
    }

    private Atom escape() {
      char c = source.charAt(at++);
      switch (c) {
        case 'b' -> {
          noQuantifier();
          return zeroWidth(true);
        }
        case 'B' -> {
          noQuantifier();
          return zeroWidth(false);
        }
        case 's' -> {
          if (blanksFree) {
            quantified(true);
            return zeroWidth(false);
          }
          Reading r = new Reading();
          escapeInto(r, c);
          return new Atom(r, false, false, false, -1, true, End.SPACE);
        }
        default -> {
          Reading r = new Reading();
          escapeInto(r, c);
          boolean literal = !Character.isLetterOrDigit(c) && c < 128;
          return new Atom(r, false, false, false, literal ? c : -1, true,
              c == 's' ? End.SPACE : End.OTHER);
        }
      }
    }

    /** The characters of an escape (after its backslash), in a class or out of one. */
    private void escapeInto(Reading r, char c) {
      switch (c) {
        case 'd' -> r.add(DIGIT);
        case 's' -> r.add(SPACE);
        case 'w' -> r.add(WORD);
        case 'p' -> property(r);
        case 'D', 'S', 'W' -> r.add(any());
        case 'P' -> {
          property(new Reading());
          r.add(any());
        }
        default -> {
          if (Character.isLetterOrDigit(c) || c >= 128) {
            throw new Unknown(); // G, P, Q, u, t, back references and the rest: not read here
          }
          r.add(c);
        }
      }
    }

    /** Letters, capital or small, marks and numbers: their ASCII members, and all above ASCII. */
    private void property(Reading r) {
      int close = source.indexOf('}', at);
      if (source.charAt(at) != '{' || close < 0) {
        throw new Unknown();
      }
      String name = source.substring(at + 1, close);
      at = close + 1;
      for (char c = 0; c < 128; c++) {
        boolean in = switch (name) {
          case "L" -> Character.isLetter(c);
          case "Lu" -> Character.isUpperCase(c);
          case "Ll" -> Character.isLowerCase(c);
          case "N" -> c >= '0' && c <= '9';
          case "M" -> false;
          default -> {
            r.add(any());
            yield true;
          }
        };
        if (in) {
          r.add(c);
        }
      }
      r.nonAscii = true;
    }

    /**
     * A class of literals, ranges, {@code \d \s \w} and {@code \p} letters and numbers; where the
     * characters do not matter, any class at all.
     */
    private Reading charClass() {
      if (lenient > 0) {
        skipClass();
        return any();
      }
      Reading r = new Reading();
      if (source.charAt(at) == '^' || source.charAt(at) == ']') {
        throw new Unknown();
      }
      while (source.charAt(at) != ']') {
        char c = source.charAt(at++);
        if (c == '[' || c == '&') {
          throw new Unknown();
        }
        if (c == '\\') {
          char e = source.charAt(at++);
          if (Character.isLetterOrDigit(e) || e >= 128) {
            escapeInto(r, e);
          } else {
            literalOrRange(r, e);
          }
          continue;
        }
        literalOrRange(r, c);
      }
      at++;
      return r;
    }

    /** Past the end of a class, nested classes and escapes included. */
    private void skipClass() {
      int depth = 1;
      if (source.charAt(at) == '^') {
        at++;
      }
      if (source.charAt(at) == ']') {
        at++; // a leading ] is a literal
      }
      while (depth > 0) {
        char c = source.charAt(at++);
        if (c == '\\') {
          char e = source.charAt(at++);
          if (e == 'p' || e == 'P') {
            at = source.indexOf('}', at) + 1;
            if (at == 0) {
              throw new Unknown();
            }
          } else if (Character.isLetterOrDigit(e) && "dswDSW".indexOf(e) < 0) {
            throw new Unknown();
          }
        } else if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
        }
      }
    }

    private void literalOrRange(Reading r, char low) {
      if (source.charAt(at) == '-' && source.charAt(at + 1) != ']') {
        char high = source.charAt(at + 1);
        if (high == '\\' || high == '[' || high < low) {
          throw new Unknown();
        }
        at += 2;
        for (int c = low; c <= high; c++) {
          r.add((char) c);
        }
        return;
      }
      r.add(low);
    }

    /** Reads a quantifier after an atom, if any: whether the quantified atom can match nothing. */
    private boolean quantified(boolean nullable) {
      quantifierMax = 1;
      if (at >= source.length()) {
        return nullable;
      }
      char q = source.charAt(at);
      boolean result;
      if (q == '?' || q == '*') {
        at++;
        result = true;
        quantifierMax = q == '?' ? 1 : UNBOUNDED;
      } else if (q == '+') {
        at++;
        result = nullable;
        quantifierMax = UNBOUNDED;
      } else if (q == '{') {
        int close = source.indexOf('}', at);
        String[] bounds = source.substring(at + 1, close).split(",", -1);
        int min = Integer.parseInt(bounds[0]);
        at = close + 1;
        result = min == 0 || nullable;
        quantifierMax = bounds.length == 1 ? min
            : bounds[1].isEmpty() ? UNBOUNDED : Integer.parseInt(bounds[1]);
      } else {
        return nullable;
      }
      if (at < source.length() && (source.charAt(at) == '?' || source.charAt(at) == '+')) {
        at++; // lazy or possessive: the same characters can start it
      }
      return result;
    }

    private static Atom zeroWidth(boolean boundary) {
      return new Atom(null, true, boundary, false, -1, false, End.OTHER);
    }

    private static Atom consuming(Reading r) {
      return new Atom(r, false, false, false, -1, false, End.OTHER);
    }
  }
}
