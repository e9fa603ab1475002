package org.retorno.streams.topology;

import java.time.LocalDate;
import java.util.Optional;
import org.retorno.avro.Claim;

/**
 * Claims that cannot be placed in time: an event dated after the report that states it, or after
 * today, or before the series starts. They go to the rejected-claims topic with the reason rather
 * than into a period where they would distort the counts.
 */
final class ClaimDates {
  private final TopologyConfig config;

  ClaimDates(TopologyConfig config) {
    this.config = config;
  }

  Optional<String> rejection(Claim claim) {
    if (claim.getRetracted() || claim.getEventDate() == null) {
      return Optional.empty();
    }
    LocalDate date = claim.getEventDate();
    LocalDate today = LocalDate.now(config.clock());
    if (date.isAfter(today)) {
      return Optional.of("event date " + date + " is in the future (today is " + today + ")");
    }
    // A date precise to the day cannot follow its report; coarser dates stand for the end of
    // their week or month and may.
    if (claim.getReportDate() != null && date.isAfter(claim.getReportDate().plusDays(1))
        && claim.getEventDatePrecision() == org.retorno.avro.TimePrecision.DAY) {
      return Optional.of("event date " + date + " is after the report date " + claim.getReportDate());
    }
    if (date.isBefore(config.seriesStart())) {
      return Optional.of("event date " + date + " is before the series starts on " + config.seriesStart());
    }
    return Optional.empty();
  }
}
