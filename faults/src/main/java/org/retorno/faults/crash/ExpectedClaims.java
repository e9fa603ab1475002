package org.retorno.faults.crash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.retorno.avro.CaseCountRow;

/**
 * The claim records a fault-free pipeline sends to {@code claims} for a sequence of raw case-count
 * records, modelled on the topology's {@code ClaimsBySource}: every record states its row's claim,
 * and a record that no longer states a claim its source's previous record stated (a withdrawal)
 * sends that claim retracted. A source's output depends only on its own records, in the order of
 * its partition, so the model needs nothing but the raw topic's content. It leaves out one rule of
 * the topology: a claim restated with a figure of 0, in another city or category, or with its date
 * moved by more than a week, is first sent retracted ({@code ClaimsBySource.leavesItsEvent}); the
 * workload's corrections change only figures, up a ladder, so they never trigger it.
 */
final class ExpectedClaims {
  private final Map<String, List<String>> statedBySource = new HashMap<>();
  private final List<ClaimEntry> entries = new ArrayList<>();

  /**
   * The id the topology gives a table row's claim ({@code CaseCountClaims}, package-private in
   * streams). Should the scheme change there, every claim shows up missing and extra at once;
   * {@code ClaimsLedgerTest} runs the real topology against this model to catch that early.
   */
  static String claimIdOf(CaseCountRow row) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("table:" + row.getId()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The next raw record of a source, in its partition's order; a null row is a withdrawal. */
  void accept(String sourceId, CaseCountRow row) {
    if (sourceId == null) {
      return; // the topology sends a record without a source id to the dead-letter topic, not to claims
    }
    List<String> current = row == null ? List.of() : List.of(claimIdOf(row));
    List<String> previous = statedBySource.getOrDefault(sourceId, List.of());
    for (String old : previous) {
      if (!current.contains(old)) {
        entries.add(new ClaimEntry(old, true));
      }
    }
    current.forEach(id -> entries.add(new ClaimEntry(id, false)));
    if (current.isEmpty()) {
      statedBySource.remove(sourceId);
    } else {
      statedBySource.put(sourceId, current);
    }
  }

  List<ClaimEntry> entries() {
    return List.copyOf(entries);
  }
}
