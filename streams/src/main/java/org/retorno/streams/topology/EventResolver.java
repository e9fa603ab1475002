package org.retorno.streams.topology;

import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.retorno.avro.Event;
import org.retorno.avro.EventMember;
import org.retorno.avro.EventMembers;

/**
 * Stage 2, claims -> events. Input is keyed by city and category, so every claim that could
 * describe the same event reaches the same instance. Events are stored one per key,
 * "city:category:week:sequence", under the ISO week of the claim that founded them, and a claim
 * is compared with the events of its own week and the two next to it (one prefix scan each),
 * which covers the widest matching window (7 days) without loading all history; a claim then
 * rewrites the one event it joins, not its whole week. Weeks are read through {@link EventWeeks},
 * which keeps the recently used ones decoded. The sequence keeps a week's events in the
 * order they were founded, so the first of equally close events wins, as it always has.
 * A re-sent claim (same id) replaces itself, so replaying input never counts twice.
 */
final class EventResolver implements Processor<String, EventMember, String, Event> {
  /** Three weeks for each of 8 cities and 14 categories, with room for late claims elsewhere. */
  private static final int CACHED_WEEKS = 1024;

  private final EventMatcher matcher;
  private final PipelineListener listener;
  private ProcessorContext<String, Event> context;
  private EventWeeks weeks;

  EventResolver(TopologyConfig config) {
    this.matcher = new EventMatcher(config);
    this.listener = config.listener();
  }

  @Override
  public void init(ProcessorContext<String, Event> context) {
    this.context = context;
    this.weeks = new EventWeeks(context.getStateStore(Names.EVENT_MEMBERS_STORE), CACHED_WEEKS);
  }

  @Override
  public void close() {
    if (weeks != null) {
      weeks.clear();
    }
  }

  @Override
  public void process(Record<String, EventMember> record) {
    EventMember member = record.value();
    boolean retracted = member.getRetracted();
    member.setRetracted(false);
    long week = weekOf(member);
    List<Placement> candidates = new ArrayList<>();
    long nextSequence = 0;
    for (long w = week - 1; w <= week + 1; w++) {
      String prefix = weekPrefix(record.key(), w);
      for (KeyValue<String, EventMembers> event : weeks.week(prefix)) {
        candidates.add(new Placement(prefix, event.key, event.value, -1));
        if (w == week) {
          nextSequence = sequenceOf(event.key) + 1;
        }
      }
    }

    Optional<Placement> known = findClaim(candidates, member.getId());
    if (retracted) {
      known.ifPresent(at -> retract(record, at));
      return;
    }
    if (known.isPresent()) {
      Placement at = known.get();
      Event before = EventFigures.toEvent(at.event());
      EventMembership.replace(at.event(), at.index(), member);
      Event after = EventFigures.toEvent(at.event());
      weeks.put(at.prefix(), at.key(), at.event());
      if (!after.equals(before)) {
        context.forward(record.withKey(after.getId()).withValue(after));
      }
      return;
    }

    Placement best = null;
    long bestDistance = Long.MAX_VALUE;
    for (Placement candidate : candidates) {
      long distance = matcher.distance(member, candidate.event());
      if (distance >= 0 && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    EventMembers target;
    if (best != null) {
      target = best.event();
      EventMembership.add(target, member);
      weeks.put(best.prefix(), best.key(), target);
    } else {
      String prefix = weekPrefix(record.key(), week);
      target = EventMembership.found(eventIdFor(record.key(), member.getId()), member);
      weeks.put(prefix, prefix + String.format("%08x", nextSequence), target);
    }
    Event event = EventFigures.toEvent(target);
    if (best == null) {
      listener.eventPublished(event.getCategory());
    }
    context.forward(record.withKey(event.getId()).withValue(event));
  }

  /**
   * A withdrawn claim leaves its event; an event with no claims left is deleted (a tombstone). An
   * event is named after a claim in it, the one that founded it; when that claim leaves, the name
   * passes to the first claim left. Kept, it could be given again: the claim that left may found
   * another event, and downstream, where events are keyed by id, one would overwrite the other.
   */
  private void retract(Record<String, EventMember> record, Placement at) {
    EventMembers event = at.event();
    String leaving = event.getMembers().remove(at.index()).getId();
    if (event.getMembers().isEmpty()) {
      weeks.delete(at.prefix(), at.key());
      context.forward(record.withKey(event.getEventId()).withValue((Event) null));
      return;
    }
    if (event.getEventId().equals(eventIdFor(record.key(), leaving))) {
      context.forward(record.withKey(event.getEventId()).withValue((Event) null));
      event.setEventId(eventIdFor(record.key(), event.getMembers().get(0).getId()));
    }
    weeks.put(at.prefix(), at.key(), event);
    Event updated = EventFigures.toEvent(event);
    context.forward(record.withKey(updated.getId()).withValue(updated));
  }

  /**
   * An event's id: its city and category (the partition that resolves it, so two partitions never
   * name events alike) and the claim it is named after. Within the partition a claim is in one
   * event at a time, and {@link #retract} renames an event its namesake leaves, so ids are unique.
   */
  static String eventIdFor(String cityCategory, String claimId) {
    return "ev-" + cityCategory.replace(':', '-') + "-" + claimId.substring(0, Math.min(32, claimId.length()));
  }

  private static String weekPrefix(String cityCategory, long week) {
    return cityCategory + ":" + week + ":";
  }

  private static long sequenceOf(String key) {
    return Long.parseLong(key.substring(key.lastIndexOf(':') + 1), 16);
  }

  /** The ISO week a member is filed under; a re-sent claim is looked for in it and the two beside it. */
  static long weekOf(EventMember member) {
    var date = EventMembership.dateOf(member);
    return date.get(IsoFields.WEEK_BASED_YEAR) * 53L + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  private static Optional<Placement> findClaim(List<Placement> candidates, String claimId) {
    for (Placement candidate : candidates) {
      List<EventMember> members = candidate.event().getMembers();
      for (int i = 0; i < members.size(); i++) {
        if (members.get(i).getId().equals(claimId)) {
          return Optional.of(new Placement(candidate.prefix(), candidate.key(), candidate.event(), i));
        }
      }
    }
    return Optional.empty();
  }

  /** An event of a week (under its key prefix), and where a claim sits in it (-1: nowhere yet). */
  private record Placement(String prefix, String key, EventMembers event, int index) {}
}
