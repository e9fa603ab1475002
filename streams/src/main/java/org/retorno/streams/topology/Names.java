package org.retorno.streams.topology;

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

  public static final String COUNTABLE_CLAIMS = "countable-claims";
  public static final String CLAIMS_BY_CITY_CATEGORY = "claims-by-city-category";
  public static final String RESOLVE_EVENTS = "resolve-events";
  public static final String EVENT_CLUSTERS_STORE = "event-clusters-store";
  public static final String EVENTS_SINK = "events-sink";

  public static final String EVENTS_TABLE = "events-table";
  public static final String EVENTS_STORE = "events-store";
  public static final String EVENTS_BY_CITY_DAY = "events-by-city-day";
  public static final String DAILY_COUNTS = "aggregate-daily-counts";
  public static final String DAILY_COUNTS_STORE = "daily-counts-store";
  public static final String DAILY_COUNTS_STREAM = "daily-counts-stream";
  public static final String DAILY_COUNTS_SINK = "city-counts-daily-sink";

  private Names() {}
}
