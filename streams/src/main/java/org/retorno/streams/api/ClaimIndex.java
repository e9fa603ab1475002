package org.retorno.streams.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.retorno.avro.Claim;

/**
 * Claims by id, read from the {@code claims} topic, so an event or a count can show its sources
 * and evidence. Bounded: past {@code capacity} the oldest claims are forgotten (their events then
 * show claim ids without details) until the topology keeps claims in a store of its own.
 */
final class ClaimIndex {
  private final Map<String, ClaimView> claims;

  ClaimIndex(int capacity) {
    this.claims = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ClaimView> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized void add(Claim claim) {
    claims.put(claim.getId(), ClaimView.of(claim));
  }

  synchronized Optional<ClaimView> get(String id) {
    return Optional.ofNullable(claims.get(id));
  }

  synchronized List<ClaimView> all(Collection<String> ids) {
    List<ClaimView> found = new ArrayList<>();
    for (String id : ids) {
      ClaimView claim = claims.get(id);
      if (claim != null) {
        found.add(claim);
      }
    }
    return found;
  }

  synchronized int size() {
    return claims.size();
  }
}
