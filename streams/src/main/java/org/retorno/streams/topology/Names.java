package org.retorno.streams.topology;

import java.util.Locale;
import org.retorno.avro.Granularity;

/**
 * Names of every operator, store and internal topic of the topology. Explicit names keep state
 * and internal topics stable when the topology changes; tests and the query API use them too.
 */
public final class Names {
  public static final String NEWS_SOURCE = "news-source";
  public static final String REPORTS_SOURCE = "reports-source";
  public static final String CASE_COUNTS_SOURCE = "case-counts-source";
  public static final String NEWS_TO_DOCUMENT = "news-to-document";
  public static final String REPORTS_TO_DOCUMENT = "reports-to-document";
  public static final String DOCUMENTS_MERGE = "documents-merge";
  public static final String EXTRACT_CLAIMS = "extract-claims";
  public static final String CASE_COUNTS_TO_CLAIMS = "case-counts-to-claims";
  public static final String CLAIMS_MERGE = "claims-merge";
  public static final String CLAIMS_SINK = "claims-sink";
  public static final String SOURCE_CLAIMS_STORE = "source-claims-store";

  public static final String CHECK_CLAIM_DATES = "check-claim-dates-";
  public static final String REJECTED_CLAIMS_SINK = "rejected-claims-sink";

  public static final String CUMULATIVE_CLAIMS = "cumulative-claims";
  public static final String CLAIMS_BY_SERIES = "claims-by-series";
  public static final String DIFFERENCE_TOTALS = "difference-cumulative-totals";
  public static final String SERIES_STORE = "cumulative-series-store";

  public static final String STOCK_CLAIMS = "stock-claims";
  public static final String STOCKS_BY_SERIES = "stocks-by-series";
  public static final String LATEST_STOCK = "latest-stock";
  public static final String STOCKS_STORE = "stocks-store";
  public static final String STOCKS_SINK = "stocks-sink";

  public static final String COUNTABLE_CLAIMS = "countable-claims";
  public static final String MEMBERS_BY_CITY_CATEGORY = "event-members-by-city-category";
  public static final String RESOLVE_EVENTS = "resolve-events";
  public static final String EVENT_MEMBERS_STORE = "event-members-store";
  public static final String EVENTS_SINK = "events-sink";

  public static final String EVENTS_TABLE = "events-table";
  public static final String EVENTS_STORE = "events-store";
  public static final String PERIOD_EVENTS = "period-events";

  public static final String PROVENANCE = "count-provenance";
  public static final String PROVENANCE_STORE = "count-provenance-store";
  /** Event id -> its key in the provenance store, to find what a revision moves or retracts. */
  public static final String PROVENANCE_KEYS_STORE = "count-provenance-keys-store";

  public static final String DAILY_COUNTS_STORE = "daily-counts-store";
  public static final String WEEKLY_COUNTS_STORE = "weekly-counts-store";
  public static final String MONTHLY_COUNTS_STORE = "monthly-counts-store";

  public static final String COVERAGE_CLAIMS = "coverage-claims";
  public static final String COVERAGE_BY_CITY_DAY = "coverage-by-city-day";
  public static final String COVERAGE_AGGREGATE = "aggregate-coverage";
  public static final String COVERAGE_STORE = "coverage-store";
  public static final String COVERAGE_SINK = "coverage-daily-sink";

  private Names() {}

  /** The counts store of a granularity: daily or weekly. */
  public static String countsStore(Granularity granularity) {
    return switch (granularity) {
      case DAY -> DAILY_COUNTS_STORE;
      case WEEK -> WEEKLY_COUNTS_STORE;
      case MONTH -> MONTHLY_COUNTS_STORE;
    };
  }

  /** The name of one operator of the counts stage of a granularity, e.g. "daily-counts-settle". */
  /** The spikes stage's series of one granularity: each city's counts per category. */
  static String spikeSeriesStore(Granularity granularity) {
    return counts(granularity, "spike-series-store");
  }

  /** The spikes stage's standing alerts of one granularity, by alert id. */
  static String spikeAlertsStore(Granularity granularity) {
    return counts(granularity, "spike-alerts-store");
  }

  static String counts(Granularity granularity, String operator) {
    String period = switch (granularity) {
      case DAY -> "daily";
      case WEEK -> "weekly";
      case MONTH -> "monthly";
    };
    return period + "-counts-" + operator.toLowerCase(Locale.ROOT);
  }
}
