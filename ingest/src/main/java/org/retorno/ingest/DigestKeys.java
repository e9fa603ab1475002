package org.retorno.ingest;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A set of record keys that holds SHA-256 keys (64 lower-case hex characters, as {@code TextKey}
 * writes them) as their 32 bytes in one open-addressed array, and any other key as a string.
 *
 * <p>Every row sent is checked and added here on the calling thread, and a topic's history can hold
 * millions of keys. In a {@code HashSet<String>} each key is a node, a string and its bytes apart
 * in memory (about 140 bytes, several cache misses a lookup, and a rehash of every node as the set
 * grows); here it is four longs in the slot its first bits name. Only lower-case keys are packed,
 * so two different strings never share a slot's value.
 */
final class DigestKeys {
  private static final int HEX_LENGTH = 64;
  private static final int WORDS = 4;
  private static final int INITIAL_SLOTS = 1024;

  /** {@code WORDS} longs a slot; all zeros is an empty slot, so the all-zero digest is kept apart. */
  private long[] slots;
  private int mask;
  private int used;
  private boolean allZeros;
  private final Set<String> others = new HashSet<>();

  DigestKeys() {
    this(INITIAL_SLOTS);
  }

  /** @param initialSlots a power of two (tests start small to exercise probing and growth) */
  DigestKeys(int initialSlots) {
    slots = new long[initialSlots * WORDS];
    mask = initialSlots - 1;
  }

  static DigestKeys of(Set<String> keys) {
    DigestKeys set = new DigestKeys(slotsFor(keys.size()));
    keys.forEach(set::add);
    return set;
  }

  /** @return true when the key was not in the set and is now */
  boolean add(String key) {
    long[] digest = unpack(key);
    if (digest == null) {
      return others.add(key);
    }
    if (isZero(digest)) {
      boolean added = !allZeros;
      allZeros = true;
      return added;
    }
    int slot = find(slots, mask, digest);
    if (!isEmpty(slots, slot)) {
      return false;
    }
    System.arraycopy(digest, 0, slots, slot * WORDS, WORDS);
    if (++used * 3 > (mask + 1) * 2) {
      grow();
    }
    return true;
  }

  /** @return true when the key was in the set */
  boolean remove(String key) {
    long[] digest = unpack(key);
    if (digest == null) {
      return others.remove(key);
    }
    if (isZero(digest)) {
      boolean removed = allZeros;
      allZeros = false;
      return removed;
    }
    int slot = find(slots, mask, digest);
    if (isEmpty(slots, slot)) {
      return false;
    }
    closeGap(slot);
    used--;
    return true;
  }

  boolean contains(String key) {
    long[] digest = unpack(key);
    if (digest == null) {
      return others.contains(key);
    }
    return isZero(digest) ? allZeros : !isEmpty(slots, find(slots, mask, digest));
  }

  int size() {
    return used + others.size() + (allZeros ? 1 : 0);
  }

  /** The digest's slot, or the empty slot where it would go (linear probing). */
  private static int find(long[] slots, int mask, long[] digest) {
    int slot = home(digest[0], mask);
    while (true) {
      int at = slot * WORDS;
      if (slots[at] == digest[0] && slots[at + 1] == digest[1] && slots[at + 2] == digest[2]
          && slots[at + 3] == digest[3]) {
        return slot;
      }
      if (isEmpty(slots, slot)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** SHA-256 bits are uniform already; the multiply only guards against keys chosen to collide. */
  private static int home(long firstWord, int mask) {
    return (int) ((firstWord * 0x9E3779B97F4A7C15L) >>> 32) & mask;
  }

  /**
   * Removal without tombstones: later members of the probe run move back into the gap when their
   * home slot does not lie (cyclically) between the gap and where they sit.
   */
  private void closeGap(int gap) {
    int slot = gap;
    while (true) {
      slot = (slot + 1) & mask;
      if (isEmpty(slots, slot)) {
        break;
      }
      int home = home(slots[slot * WORDS], mask);
      boolean homeBetweenGapAndSlot = gap <= slot ? gap < home && home <= slot : gap < home || home <= slot;
      if (!homeBetweenGapAndSlot) {
        System.arraycopy(slots, slot * WORDS, slots, gap * WORDS, WORDS);
        gap = slot;
      }
    }
    Arrays.fill(slots, gap * WORDS, gap * WORDS + WORDS, 0L);
  }

  private void grow() {
    long[] old = slots;
    int newMask = (mask + 1) * 2 - 1;
    long[] grown = new long[(newMask + 1) * WORDS];
    long[] digest = new long[WORDS];
    for (int slot = 0; slot * WORDS < old.length; slot++) {
      if (!isEmpty(old, slot)) {
        System.arraycopy(old, slot * WORDS, digest, 0, WORDS);
        System.arraycopy(digest, 0, grown, find(grown, newMask, digest) * WORDS, WORDS);
      }
    }
    slots = grown;
    mask = newMask;
  }

  private static int slotsFor(int keys) {
    int slots = INITIAL_SLOTS;
    while (slots < (1 << 30) && (long) keys * 3 > (long) slots * 2) {
      slots *= 2;
    }
    return slots;
  }

  private static boolean isEmpty(long[] slots, int slot) {
    int at = slot * WORDS;
    return (slots[at] | slots[at + 1] | slots[at + 2] | slots[at + 3]) == 0;
  }

  private static boolean isZero(long[] digest) {
    return (digest[0] | digest[1] | digest[2] | digest[3]) == 0;
  }

  /** @return the key's 32 bytes as four longs, or null when it is not 64 lower-case hex characters */
  private static long[] unpack(String key) {
    if (key.length() != HEX_LENGTH) {
      return null;
    }
    long[] words = new long[WORDS];
    for (int word = 0; word < WORDS; word++) {
      long value = 0;
      for (int i = word * 16; i < word * 16 + 16; i++) {
        int nibble = nibble(key.charAt(i));
        if (nibble < 0) {
          return null;
        }
        value = value << 4 | nibble;
      }
      words[word] = value;
    }
    return words;
  }

  private static int nibble(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }
}
