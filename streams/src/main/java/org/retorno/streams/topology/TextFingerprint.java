package org.retorno.streams.topology;

import java.text.Normalizer;
import java.util.Locale;

/**
 * SimHash fingerprints of documents. Syndicated copies of one article (a wire story run by five
 * outlets, with their own bylines and boilerplate) are one source, not five: their fingerprints
 * differ in only a few of 64 bits, while unrelated articles differ in about half.
 */
final class TextFingerprint {
  /** Copies of one text stay within this many differing bits; unrelated texts are near 32. */
  static final int SAME_SOURCE_MAX_DISTANCE = 12;
  private static final int SHINGLE = 3;

  private TextFingerprint() {}

  static long of(String text) {
    String[] words = Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .split("[^\\p{L}\\p{N}]+");
    int[] weights = new int[64];
    int shingles = 0;
    StringBuilder shingle = new StringBuilder();
    int start = words.length > 0 && words[0].isEmpty() ? 1 : 0;
    for (int i = start; i + SHINGLE <= words.length; i++) {
      shingle.setLength(0);
      for (int j = i; j < i + SHINGLE; j++) {
        shingle.append(words[j]).append(' ');
      }
      add(weights, fnv1a64(shingle));
      shingles++;
    }
    if (shingles == 0) {
      for (int i = start; i < words.length; i++) {
        add(weights, fnv1a64(words[i]));
      }
    }
    long fingerprint = 0L;
    for (int bit = 0; bit < 64; bit++) {
      if (weights[bit] > 0) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  static boolean sameSource(long a, long b) {
    return distance(a, b) <= SAME_SOURCE_MAX_DISTANCE;
  }

  private static void add(int[] weights, long hash) {
    for (int bit = 0; bit < 64; bit++) {
      weights[bit] += ((hash >>> bit) & 1L) == 1L ? 1 : -1;
    }
  }

  private static long fnv1a64(CharSequence text) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001b3L;
    }
    // FNV's low bits mix poorly for short inputs; a final avalanche spreads them over all 64.
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    hash *= 0xc4ceb9fe1a85ec53L;
    hash ^= hash >>> 33;
    return hash;
  }
}
