package org.retorno.streams.topology;

import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.retorno.avro.Claim;
import org.retorno.avro.ClaimCluster;
import org.retorno.avro.Event;
import org.retorno.avro.EventClaims;

/**
 * Stage 2, claims -> events. Input is keyed by city and category, so every claim that could
 * describe the same event reaches the same instance. Clusters are stored per ISO week of the
 * claim that founded them, and a claim is compared with the clusters of its own week and the two
 * next to it, which covers the widest matching window (7 days) without loading all history.
 * A re-sent claim (same id) replaces itself, so replaying input never counts twice.
 */
final class EventResolver implements Processor<String, Claim, String, Event> {
  private final EventMatcher matcher;
  private final PipelineListener listener;
  private ProcessorContext<String, Event> context;
  private KeyValueStore<String, ClaimCluster> store;

  EventResolver(TopologyConfig config) {
    this.matcher = new EventMatcher(config);
    this.listener = config.listener();
  }

  @Override
  public void init(ProcessorContext<String, Event> context) {
    this.context = context;
    this.store = context.getStateStore(Names.EVENT_CLUSTERS_STORE);
  }

  @Override
  public void process(Record<String, Claim> record) {
    Claim claim = record.value();
    long week = weekOf(claim);
    List<Bucket> buckets = new ArrayList<>();
    for (long w = week - 1; w <= week + 1; w++) {
      String key = record.key() + ":" + w;
      ClaimCluster stored = store.get(key);
      buckets.add(new Bucket(key, stored != null ? stored : new ClaimCluster(new ArrayList<>())));
    }

    Optional<Placement> known = findClaim(buckets, claim.getId());
    if (claim.getRetracted()) {
      known.ifPresent(at -> retract(record, at));
      return;
    }
    if (known.isPresent()) {
      Placement at = known.get();
      Event before = EventFigures.toEvent(at.cluster());
      List<Claim> claims = new ArrayList<>(at.cluster().getClaims());
      claims.set(at.index(), claim);
      at.cluster().setClaims(claims);
      Event after = EventFigures.toEvent(at.cluster());
      store.put(at.bucket().key(), at.bucket().value());
      if (!after.equals(before)) {
        context.forward(record.withKey(after.getId()).withValue(after));
      }
      return;
    }

    Placement best = null;
    long bestDistance = Long.MAX_VALUE;
    for (Bucket bucket : buckets) {
      for (EventClaims cluster : bucket.value().getClusters()) {
        long distance = matcher.distance(claim, cluster);
        if (distance >= 0 && distance < bestDistance) {
          best = new Placement(bucket, cluster, -1);
          bestDistance = distance;
        }
      }
    }
    EventClaims target;
    Bucket home;
    if (best != null) {
      target = best.cluster();
      home = best.bucket();
      List<Claim> claims = new ArrayList<>(target.getClaims());
      claims.add(claim);
      target.setClaims(claims);
    } else {
      target = new EventClaims(eventIdFor(claim), new ArrayList<>(List.of(claim)));
      home = buckets.get(1);
      List<EventClaims> clusters = new ArrayList<>(home.value().getClusters());
      clusters.add(target);
      home.value().setClusters(clusters);
    }
    store.put(home.key(), home.value());
    Event event = EventFigures.toEvent(target);
    if (best == null) {
      listener.eventPublished(event.getCategory());
    }
    context.forward(record.withKey(event.getId()).withValue(event));
  }

  /** A withdrawn claim leaves its event; an event with no claims left is deleted (a tombstone). */
  private void retract(Record<String, Claim> record, Placement at) {
    List<Claim> claims = new ArrayList<>(at.cluster().getClaims());
    claims.remove(at.index());
    String eventId = at.cluster().getEventId();
    if (claims.isEmpty()) {
      List<EventClaims> clusters = new ArrayList<>(at.bucket().value().getClusters());
      clusters.removeIf(cluster -> cluster.getEventId().equals(eventId));
      at.bucket().value().setClusters(clusters);
      context.forward(record.withKey(eventId).withValue((Event) null));
    } else {
      at.cluster().setClaims(claims);
      Event event = EventFigures.toEvent(at.cluster());
      context.forward(record.withKey(event.getId()).withValue(event));
    }
    if (at.bucket().value().getClusters().isEmpty()) {
      store.delete(at.bucket().key());
    } else {
      store.put(at.bucket().key(), at.bucket().value());
    }
  }

  static String eventIdFor(Claim founder) {
    return "ev-" + founder.getId().substring(0, Math.min(32, founder.getId().length()));
  }

  private static long weekOf(Claim claim) {
    var date = Countable.dateOf(claim);
    return date.get(IsoFields.WEEK_BASED_YEAR) * 53L + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  private static Optional<Placement> findClaim(List<Bucket> buckets, String claimId) {
    for (Bucket bucket : buckets) {
      for (EventClaims cluster : bucket.value().getClusters()) {
        List<Claim> claims = cluster.getClaims();
        for (int i = 0; i < claims.size(); i++) {
          if (claims.get(i).getId().equals(claimId)) {
            return Optional.of(new Placement(bucket, cluster, i));
          }
        }
      }
    }
    return Optional.empty();
  }

  private record Bucket(String key, ClaimCluster value) {}

  private record Placement(Bucket bucket, EventClaims cluster, int index) {}
}
