package org.retorno.streams.extract;

import java.time.LocalDate;
import org.retorno.avro.TimePrecision;

/**
 * A date stated in a sentence, resolved against the report date. For WEEK, MONTH and YEAR precision
 * {@code date} is the last day the event can have happened on (an upper bound), so that a weekly
 * or monthly bucket keyed on it is right.
 */
public record DateMention(int start, int end, LocalDate date, TimePrecision precision, Source source) {

  public enum Source { EXPLICIT, WEEKDAY, RELATIVE, REPORT_REFERENCE, MONTH, YEAR }
}
