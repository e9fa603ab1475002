package org.retorno.streams.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.retorno.avro.Claim;
import org.retorno.avro.EventMember;
import org.retorno.avro.EventMembers;
import org.retorno.avro.Place;

/**
 * What the events stage keeps of a claim: the fields matching and {@link EventFigures} read, not
 * its evidence, URL or reasons, so a claim reads and rewrites small values instead of whole claims.
 */
final class EventMembership {
  private EventMembership() {}

  static EventMember memberOf(Claim claim) {
    return EventMember.newBuilder()
        .setId(claim.getId())
        .setSourceId(claim.getSourceId())
        .setSourceKind(claim.getSourceKind())
        .setSourceName(claim.getSourceName())
        .setSourceFingerprint(claim.getSourceFingerprint())
        .setPlace(claim.getPlace())
        .setCategory(claim.getCategory())
        .setCount(claim.getCount())
        .setEventDate(claim.getEventDate())
        .setEventDatePrecision(claim.getEventDatePrecision())
        .setPeriodEnd(claim.getPeriodEnd())
        .setReportDate(claim.getReportDate())
        .setPeriodRow(EventMatcher.periodRow(claim))
        .setRetracted(claim.getRetracted())
        .build();
  }

  /** A new event founded by one claim. */
  static EventMembers found(String eventId, EventMember founder) {
    EventMembers event = new EventMembers(eventId, founder.getPlace(), new ArrayList<>());
    add(event, founder);
    return event;
  }

  /** An event of the given claims in this order, the first founding it (tests build events so). */
  static EventMembers of(String eventId, List<Claim> claims) {
    EventMembers event = found(eventId, memberOf(claims.get(0)));
    claims.stream().skip(1).forEach(claim -> add(event, memberOf(claim)));
    return event;
  }

  static void add(EventMembers event, EventMember member) {
    event.getMembers().add(withSharedPlace(event, member));
  }

  static void replace(EventMembers event, int index, EventMember member) {
    event.getMembers().set(index, withSharedPlace(event, member));
  }

  static Place placeOf(EventMembers event, EventMember member) {
    return member.getPlace() != null ? member.getPlace() : event.getPlace();
  }

  /** The date a member is placed at: its event date, else the date it was reported. */
  static LocalDate dateOf(EventMember member) {
    return member.getEventDate() != null ? member.getEventDate() : member.getReportDate();
  }

  private static EventMember withSharedPlace(EventMembers event, EventMember member) {
    if (event.getPlace().equals(member.getPlace())) {
      member.setPlace(null);
    }
    return member;
  }
}
