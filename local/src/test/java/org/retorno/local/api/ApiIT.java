package org.retorno.local.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retorno.avro.AlertKind;
import org.retorno.avro.AlertSeverity;
import org.retorno.avro.Category;
import org.retorno.avro.Granularity;
import org.retorno.avro.SourceKind;
import org.retorno.avro.SpikeAlert;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.SourceType;

/**
 * The read API on a real broker with two instances of the streams app sharing the work: every
 * endpoint, both tiers, suppression with a week total that would reveal a suppressed day, CSV
 * escaping, and every query answered the same by either instance.
 */
class ApiIT {
  static final String TOKEN = "test-analyst-token-0123456789";
  static final long JUAREZ = 4013708L;
  static final long REYNOSA = 3520339L;
  static final long PIEDRAS_NEGRAS = 3992619L;
  static final long MATAMOROS = 3523466L;

  /** Rows that make the suppression cases, and source names that a spreadsheet would run. */
  static final String TABLE = """
      period_start,period_end,place,metric,value,semantics,source,source_url
      2019-09-02,2019-09-02,Reynosa,KIDNAPPING,6,increment,"=HYPERLINK(""http://evil.example"",""open"")",https://example.org/reynosa
      2019-09-05,2019-09-05,Reynosa,KIDNAPPING,2,increment,"=HYPERLINK(""http://evil.example"",""open"")",https://example.org/reynosa
      2019-09-02,2019-09-02,Piedras Negras,EXTORTION,5,increment,State prosecutor table (sample),https://example.org/coahuila
      2019-09-05,2019-09-05,Piedras Negras,EXTORTION,1,increment,State prosecutor table (sample),https://example.org/coahuila
      2019-09-03,2019-09-03,Mexicali,MPP_RETURN,30,increment,@SUM(1+1)*cmd|' /C calc'!A0,https://example.org/mexicali
      """;

  @TempDir
  static Path dir;
  static TestPipeline pipeline;
  static List<String> urls = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    pipeline = TestPipeline.start(dir, 2, TOKEN);
    pipeline.awaitRunning(Duration.ofSeconds(120));
    Path samples = TestPipeline.samples();
    pipeline.ingest(SourceType.NEWS, samples.resolve("news"), IngestOptions.defaults());
    pipeline.ingest(SourceType.REPORTS, samples.resolve("reports"),
        new IngestOptions(SourceKind.NGO, "Joint NGO letter", null, null, null));
    pipeline.ingest(SourceType.COUNTS, samples.resolve("counts"), IngestOptions.defaults());
    Path table = Files.createDirectories(dir.resolve("table")).resolve("suppression-cases.csv");
    Files.writeString(table, TABLE);
    pipeline.ingest(SourceType.COUNTS, table.getParent(), IngestOptions.defaults());
    pipeline.awaitProcessed(Duration.ofSeconds(120));
    urls.add(pipeline.instance(0).httpUrl());
    urls.add(pipeline.instance(1).httpUrl());
    // Claims come to the API from the claims topic, a moment after the counts.
    for (String url : urls) {
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (JsonNode event : Http.json(url + "/api/events", TOKEN)) {
          if (Http.json(url + "/api/events/" + event.get("id").asText(), TOKEN).get("claimsNotYetRead").asInt() > 0) {
            return false;
          }
        }
        return true;
      });
    }
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  private static JsonNode counts(String url, long city, String granularity, String token) {
    return Http.json(url + "/api/cities/" + city + "/counts?granularity=" + granularity, token);
  }

  /** (periodStart category) -> display, of one city's answer. */
  private static Map<String, String> displays(JsonNode answer) {
    Map<String, String> cells = new TreeMap<>();
    for (JsonNode period : answer.get("periods")) {
      for (JsonNode cell : period.get("counts")) {
        cells.put(period.get("periodStart").asText() + " " + cell.get("category").asText(), cell.get("display").asText());
      }
    }
    return cells;
  }

  @Test
  void analystsSeeExactDailyAndWeeklyCountsFromEitherInstance() {
    for (String url : urls) {
      assertThat(displays(counts(url, JUAREZ, "day", TOKEN)))
          .containsEntry("2019-07-08 MPP_RETURN", "112").containsEntry("2019-07-09 MPP_RETURN", "98")
          .containsEntry("2019-07-11 MPP_RETURN", "87").containsEntry("2019-07-01 AVR_DEPARTURE", "69");
      assertThat(displays(counts(url, JUAREZ, "week", TOKEN))).containsEntry("2019-07-08 MPP_RETURN", "297");
      assertThat(displays(counts(url, REYNOSA, "day", TOKEN)))
          .isEqualTo(Map.of("2019-09-02 KIDNAPPING", "6", "2019-09-05 KIDNAPPING", "2"));
    }
    JsonNode week = counts(urls.get(0), JUAREZ, "week", TOKEN);
    assertThat(week.get("tier").asText()).isEqualTo("analyst");
    assertThat(week.get("city").get("name").asText()).isEqualTo("Ciudad Juárez");
    assertThat(week.get("periods").get(0).get("counts").get(0).get("claimIds")).isNotEmpty();
  }

  @Test
  void everyQueryIsAnsweredTheSameByBothInstancesThoughEachHoldsOnlyPartOfTheState() {
    for (String path : List.of("/api/cities/" + JUAREZ + "/counts", "/api/cities/" + JUAREZ + "/counts?granularity=week",
        "/api/counts", "/api/events", "/api/events?city=Tijuana", "/api/export.csv?granularity=week")) {
      for (String token : Arrays.asList(null, TOKEN)) {
        HttpResponse<String> first = Http.get(urls.get(0) + path, token);
        HttpResponse<String> second = Http.get(urls.get(1) + path, token);
        assertThat(first.statusCode()).as(path).isEqualTo(200);
        assertThat(second.body()).as("%s from the second instance", path).isEqualTo(first.body());
      }
    }
    // Each instance's own part (what peers ask it for) is a proper part of the whole.
    JsonNode whole = Http.json(urls.get(0) + "/api/counts", TOKEN);
    JsonNode part1 = Http.json(urls.get(0) + "/internal/counts?granularity=day", TOKEN);
    JsonNode part2 = Http.json(urls.get(1) + "/internal/counts?granularity=day", TOKEN);
    long rows1 = nonEmpty(part1);
    long rows2 = nonEmpty(part2);
    assertThat(rows1).isPositive().isLessThan(whole.size());
    assertThat(rows2).isPositive().isLessThan(whole.size());
    assertThat(rows1 + rows2).isEqualTo(whole.size());
    // A single event is fetched from whichever instance holds it.
    for (JsonNode event : Http.json(urls.get(0) + "/api/events", TOKEN)) {
      String id = event.get("id").asText();
      for (String url : urls) {
        assertThat(Http.json(url + "/api/events/" + id, TOKEN).get("id").asText()).isEqualTo(id);
      }
    }
  }

  private static long nonEmpty(JsonNode rows) {
    long count = 0;
    for (JsonNode row : rows) {
      if (!row.get("cells").isEmpty()) {
        count++;
      }
    }
    return count;
  }

  @Test
  void thePublicSeesSmallCellsAsLessThanFiveAndAWeekTotalNeverRevealsASuppressedDay() {
    // Week of 2019-09-02 in Reynosa: 6 + 2 = 8. "<5" and 6 with the week's 8 would give away the 2,
    // so the 6 is suppressed too; 8 = (at least 5) + (1 to 4) leaves the small day 1 to 3.
    JsonNode days = counts(urls.get(1), REYNOSA, "day", null);
    assertThat(days.get("tier").asText()).isEqualTo("public");
    assertThat(displays(days)).isEqualTo(Map.of("2019-09-02 KIDNAPPING", "suppressed", "2019-09-05 KIDNAPPING", "<5"));
    JsonNode hidden = days.get("periods").get(0).get("counts").get(0);
    assertThat(hidden.get("value").isNull()).isTrue();
    assertThat(hidden.get("suppression").asText()).isEqualTo("COMPLEMENTARY");
    assertThat(hidden.get("eventIds")).isEmpty();
    assertThat(displays(counts(urls.get(0), REYNOSA, "week", null))).isEqualTo(Map.of("2019-09-02 KIDNAPPING", "8"));

    // Piedras Negras: 5 + 1 = 6. Even with the 5 hidden, 6 = (at least 5) + (1 to 4) means 1:
    // the week's total is suppressed instead.
    assertThat(displays(counts(urls.get(0), PIEDRAS_NEGRAS, "day", null)))
        .isEqualTo(Map.of("2019-09-02 EXTORTION", "suppressed", "2019-09-05 EXTORTION", "<5"));
    assertThat(displays(counts(urls.get(1), PIEDRAS_NEGRAS, "week", null))).isEqualTo(Map.of("2019-09-02 EXTORTION", "suppressed"));

    // The same cells whatever range is asked: suppression is decided on whole weeks.
    JsonNode oneDay = Http.json(urls.get(0) + "/api/cities/" + REYNOSA + "/counts?from=2019-09-02&to=2019-09-02", null);
    assertThat(displays(oneDay)).isEqualTo(Map.of("2019-09-02 KIDNAPPING", "suppressed"));
    // Large counts are shown as they are; metric= picks categories.
    JsonNode juarez = Http.json(urls.get(0) + "/api/cities/Juarez/counts?metric=mpp_return&from=2019-07-01&to=2019-07-31", null);
    assertThat(displays(juarez)).isEqualTo(Map.of("2019-07-08 MPP_RETURN", "112", "2019-07-09 MPP_RETURN", "98",
        "2019-07-11 MPP_RETURN", "87"));
    // The first endpoint keeps its shape.
    assertThat(Http.get(urls.get(0) + "/api/counts?city=Matamoros&from=2019-08-01&to=2019-08-31", null).body())
        .contains("\"category\":\"KIDNAPPING\",\"value\":null,\"display\":\"<5\"").doesNotContain("MPP_RETURN");
  }

  @Test
  void eventsOfHiddenCellsAreWithheldFromThePublicAndEvidenceIsForAnalystsOnly() {
    JsonNode publicEvents = Http.json(urls.get(0) + "/api/events?city=" + JUAREZ + "&category=MPP_RETURN", null);
    assertThat(publicEvents).hasSize(3);
    for (JsonNode event : publicEvents) {
      assertThat(event.has("figure")).isFalse();
      assertThat(event.toString()).doesNotContain("evidence");
      assertThat(event.get("sources").get(0).get("name").asText()).isEqualTo("INM daily returns (sample)");
    }
    assertThat(Http.json(urls.get(0) + "/api/events?city=Reynosa", null)).isEmpty();
    assertThat(Http.json(urls.get(0) + "/api/events?city=Matamoros&category=KIDNAPPING", null)).isEmpty();

    JsonNode analystEvents = Http.json(urls.get(1) + "/api/events?city=Reynosa", TOKEN);
    assertThat(analystEvents).extracting(event -> event.get("figure").asLong()).containsExactly(6L, 2L);

    String id = publicEvents.get(0).get("id").asText();
    HttpResponse<String> refused = Http.get(urls.get(0) + "/api/events/" + id, null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).isEqualTo("{\"error\":\"an event's claims and evidence need the analyst token\"}");

    JsonNode event = Http.json(urls.get(1) + "/api/events/" + id, TOKEN);
    assertThat(event.get("figure").asLong()).isEqualTo(112L);
    JsonNode claim = event.get("claims").get(0);
    assertThat(claim.get("sourceName").asText()).isEqualTo("INM daily returns (sample)");
    assertThat(claim.get("sourceUrl").asText()).isEqualTo("https://example.org/inm/mpp-returns-2019-07");
    assertThat(claim.get("evidence").asText()).isNotBlank();
    assertThat(event.get("claimsNotYetRead").asInt()).isZero();

    assertThat(Http.get(urls.get(0) + "/api/events/no-such-event", TOKEN).statusCode()).isEqualTo(404);
  }

  /** The ids of the alerts in an answer that this test published (the topology raises its own too). */
  private static List<String> ours(JsonNode alerts) {
    List<String> ids = new ArrayList<>();
    alerts.forEach(alert -> {
      if (alert.get("id").asText().startsWith("test-alert-")) {
        ids.add(alert.get("id").asText());
      }
    });
    return ids;
  }

  @Test
  void alertsAreFilteredAndShowFiguresOnlyToAnalysts() throws Exception {
    pipeline.publish(alert("test-alert-1", MATAMOROS, "Matamoros", AlertSeverity.ALERT, LocalDate.of(2019, 8, 12)));
    pipeline.publish(alert("test-alert-2", JUAREZ, "Ciudad Juárez", AlertSeverity.INFO, LocalDate.of(2019, 7, 1)));
    for (String url : urls) {
      await().atMost(Duration.ofSeconds(30)).until(() -> ours(Http.json(url + "/api/alerts", null)).size() == 2);
    }
    assertThat(Http.get(urls.get(1) + "/api/alerts", TOKEN).body()).isEqualTo(Http.get(urls.get(0) + "/api/alerts", TOKEN).body());
    JsonNode all = Http.json(urls.get(0) + "/api/alerts", null);
    assertThat(ours(all)).containsExactly("test-alert-1", "test-alert-2");
    for (JsonNode alert : all) {
      assertThat(alert.has("observed")).as("public alerts carry no figures").isFalse();
      assertThat(alert.has("expected")).isFalse();
      assertThat(alert.has("eventIds")).as("public alerts name no events").isFalse();
    }
    // The alerts carry no lastPeriod: a one-period episode ends where it starts.
    assertThat(byId(all, "test-alert-1").get("lastPeriod").asText()).isEqualTo("2019-08-12");
    JsonNode exact = Http.json(urls.get(0) + "/api/alerts", TOKEN);
    JsonNode matamoros = byId(exact, "test-alert-1");
    assertThat(matamoros.get("observed").asDouble()).isEqualTo(4.0);
    assertThat(matamoros.get("severity").asText()).isEqualTo("ALERT");
    // The week of 2019-08-12 holds the one kidnapping event of 2019-08-14; Juárez has none.
    assertThat(sorted(matamoros.get("eventIds")))
        .isEqualTo(eventIds(Http.json(urls.get(0) + "/api/events?city=" + MATAMOROS + "&category=KIDNAPPING", TOKEN)))
        .hasSize(1);
    assertThat(byId(exact, "test-alert-2").get("eventIds")).isEmpty();
    JsonNode serious = Http.json(urls.get(1) + "/api/alerts?severity=warning", null);
    assertThat(ours(serious)).containsExactly("test-alert-1");
    serious.forEach(alert -> assertThat(alert.get("severity").asText()).isIn("WARNING", "ALERT"));
    JsonNode juarez = Http.json(urls.get(1) + "/api/alerts?city=Juárez", null);
    assertThat(ours(juarez)).containsExactly("test-alert-2");
    juarez.forEach(alert -> assertThat(alert.get("cityId").asLong()).isEqualTo(JUAREZ));
    JsonNode recent = Http.json(urls.get(1) + "/api/alerts?since=2019-08-01", null);
    assertThat(ours(recent)).containsExactly("test-alert-1");
    recent.forEach(alert -> assertThat(alert.get("periodStart").asText()).isGreaterThanOrEqualTo("2019-08-01"));
  }

  @Test
  void analystsGetTheEventsOfAnAlertsWholeEpisodeFromProvenance() throws Exception {
    // Juárez's MPP returns are all in the week of 2019-07-08: only an episode reaching that week has them.
    SpikeAlert episode = SpikeAlert.newBuilder(alert("episode-alert-1", JUAREZ, "Ciudad Juárez", AlertSeverity.WARNING,
        LocalDate.of(2019, 7, 1))).setCategory(Category.MPP_RETURN).setLastPeriod(LocalDate.of(2019, 7, 8)).build();
    pipeline.publish(episode);
    for (String url : urls) {
      await().atMost(Duration.ofSeconds(30)).until(() -> hasAlert(Http.json(url + "/api/alerts", null), "episode-alert-1"));
    }
    List<String> mppReturns = eventIds(Http.json(urls.get(0) + "/api/events?city=" + JUAREZ + "&category=MPP_RETURN", TOKEN));
    assertThat(mppReturns).hasSize(3);
    for (String url : urls) {
      JsonNode analyst = byId(Http.json(url + "/api/alerts", TOKEN), "episode-alert-1");
      assertThat(analyst.get("periodStart").asText()).isEqualTo("2019-07-01");
      assertThat(analyst.get("lastPeriod").asText()).isEqualTo("2019-07-08");
      assertThat(sorted(analyst.get("eventIds"))).isEqualTo(mppReturns);
      JsonNode published = byId(Http.json(url + "/api/alerts", null), "episode-alert-1");
      assertThat(published.get("lastPeriod").asText()).isEqualTo("2019-07-08");
      assertThat(published.has("eventIds")).isFalse();
    }
  }

  private static boolean hasAlert(JsonNode alerts, String id) {
    for (JsonNode alert : alerts) {
      if (alert.get("id").asText().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode byId(JsonNode alerts, String id) {
    for (JsonNode alert : alerts) {
      if (alert.get("id").asText().equals(id)) {
        return alert;
      }
    }
    throw new AssertionError("no alert " + id + " in " + alerts);
  }

  /** An array of ids, sorted. */
  private static List<String> sorted(JsonNode ids) {
    List<String> sorted = new ArrayList<>();
    ids.forEach(id -> sorted.add(id.asText()));
    sorted.sort(null);
    return sorted;
  }

  /** The ids of an array of events, sorted. */
  private static List<String> eventIds(JsonNode events) {
    List<String> ids = new ArrayList<>();
    events.forEach(event -> ids.add(event.get("id").asText()));
    ids.sort(null);
    return ids;
  }

  static SpikeAlert alert(String id, long cityId, String city, AlertSeverity severity, LocalDate week) {
    return SpikeAlert.newBuilder().setId(id).setKind(AlertKind.SPIKE).setCityId(cityId).setCityName(city)
        .setCategory(Category.KIDNAPPING).setGranularity(Granularity.WEEK).setPeriodStart(week)
        .setObserved(4).setExpected(0.2).setThreshold(1.7).setScore(7.6).setMethod("EARS C2")
        .setParameters(Map.of("baseline", "7")).setSeverity(severity).setProvisional(true).build();
  }

  private static List<CSVRecord> csv(String url, String token) throws Exception {
    HttpResponse<String> response = Http.get(url, token);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    return CSVFormat.RFC4180.parse(new StringReader(response.body())).getRecords();
  }

  @Test
  void theExportHasTheHxlRowSuppressesForThePublicAndDefusesFormulas() throws Exception {
    List<CSVRecord> records = csv(urls.get(0) + "/api/export.csv", null);
    assertThat(records.get(1).toList()).containsExactly("#date+occurred", "#date+reported", "#country+code",
        "#adm1+code", "#adm2+code", "#loc+name", "#geo+lat", "#geo+lon", "#event+type", "#affected+ind",
        "#affected+abducted+ind", "#meta+source", "#meta+url");
    Map<String, CSVRecord> rows = new TreeMap<>();
    records.stream().skip(2).forEach(row -> rows.put(row.get(5) + " " + row.get(8) + " " + row.get(0), row));

    CSVRecord juarez = rows.get("Ciudad Juárez MPP_RETURN 2019-07-08");
    assertThat(juarez.toList()).containsExactly("2019-07-08", juarez.get(1), "MX", "MX-CHH", "08037", "Ciudad Juárez",
        "31.72024", "-106.46084", "MPP_RETURN", "112", "", "INM daily returns (sample)",
        "https://example.org/inm/mpp-returns-2019-07");
    CSVRecord hidden = rows.get("Reynosa KIDNAPPING 2019-09-02");
    assertThat(hidden.get(9)).isEqualTo("suppressed");
    assertThat(hidden.get(10)).isEqualTo("suppressed");
    assertThat(hidden.get(11)).isEmpty();
    assertThat(rows.get("Reynosa KIDNAPPING 2019-09-05").get(9)).isEqualTo("<5");
    assertThat(rows.get("Mexicali MPP_RETURN 2019-09-03").get(11)).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");

    Map<String, CSVRecord> exact = new TreeMap<>();
    csv(urls.get(1) + "/api/export.csv?city=Reynosa", TOKEN).stream().skip(2)
        .forEach(row -> exact.put(row.get(0), row));
    assertThat(exact.get("2019-09-02").get(9)).isEqualTo("6");
    assertThat(exact.get("2019-09-02").get(10)).isEqualTo("6");
    assertThat(exact.get("2019-09-02").get(11)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"open\")");
    assertThat(exact.get("2019-09-05").get(9)).isEqualTo("2");

    List<CSVRecord> weekly = csv(urls.get(0) + "/api/export.csv?granularity=week&metric=EXTORTION", null);
    assertThat(weekly.stream().skip(2).map(row -> row.get(5) + " " + row.get(0) + " " + row.get(9)).toList())
        .containsExactly("Piedras Negras 2019-09-02 suppressed", "Tijuana 2019-07-15 <5");
  }

  @Test
  void citiesHealthMetricsAndTheOpenApiDocument() {
    JsonNode cities = Http.json(urls.get(0) + "/api/cities", null);
    assertThat(cities).hasSize(8);
    assertThat(cities.get(0).toString()).isEqualTo("{\"geonamesId\":4013708,\"name\":\"Ciudad Juárez\",\"countryCode\":\"MX\","
        + "\"admin1Code\":\"MX-CHH\",\"admin2Code\":\"08037\",\"latitude\":31.72024,\"longitude\":-106.46084,\"usTwin\":\"El Paso\"}");
    assertThat(Http.get(urls.get(1) + "/health", null).body()).isEqualTo("{\"state\":\"RUNNING\"}");
    String metrics = Http.get(urls.get(0) + "/metrics", null).body();
    assertThat(metrics).contains("kafka_stream_thread_process_rate", "jvm_memory_used_bytes", "process_uptime_seconds",
        "retorno_http_requests_seconds_count{route=\"/api/cities\",status=\"200\"}");
    JsonNode openApi = Http.json(urls.get(0) + "/openapi.json", null);
    assertThat(openApi.get("openapi").asText()).isEqualTo("3.0.3");
    Set<String> paths = new HashSet<>();
    openApi.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).contains("/api/cities", "/api/cities/{id}/counts", "/api/alerts", "/api/alerts/stream",
        "/api/events", "/api/events/{id}", "/api/export.csv", "/api/counts", "/health", "/metrics");
  }

  @Test
  void badRequestsGetAOneLineReason() {
    assertThat(Http.get(urls.get(0) + "/api/cities/Laredo/counts", null).body())
        .isEqualTo("{\"error\":\"not a border city: Laredo\"}");
    assertThat(Http.get(urls.get(0) + "/api/cities/Laredo/counts", null).statusCode()).isEqualTo(404);
    HttpResponse<String> badDate = Http.get(urls.get(0) + "/api/cities/Tijuana/counts?from=July", null);
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).isEqualTo("{\"error\":\"from is not a date (yyyy-mm-dd): July\"}");
    assertThat(Http.get(urls.get(0) + "/api/cities/Tijuana/counts?granularity=month", null).body())
        .isEqualTo("{\"error\":\"granularity is not day or week: month\"}");
    assertThat(Http.get(urls.get(0) + "/api/cities/Tijuana/counts?metric=RUMOUR", null).body())
        .isEqualTo("{\"error\":\"metric is not a category: RUMOUR\"}");
    HttpResponse<String> wrongToken = Http.get(urls.get(0) + "/api/counts", "not-the-token");
    assertThat(wrongToken.statusCode()).isEqualTo(401);
    assertThat(Http.get(urls.get(0) + "/internal/counts?granularity=day", null).statusCode()).isEqualTo(401);
    assertThat(Http.get(urls.get(0) + "/api/nothing", null).statusCode()).isEqualTo(404);
  }

  /** Not an assertion on time: measures a city query, for the record (see the test's output). */
  @Test
  void measureCityQueryLatency() {
    String url = urls.get(0) + "/api/cities/" + JUAREZ + "/counts?granularity=week";
    for (int i = 0; i < 50; i++) {
      Http.get(url, null);
    }
    long[] nanos = new long[500];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = Http.get(url, null);
      nanos[i] = System.nanoTime() - start;
      assertThat(response.statusCode()).isEqualTo(200);
    }
    Arrays.sort(nanos);
    System.out.printf("API latency, public weekly city query, %d requests: p50 %.2f ms, p99 %.2f ms%n",
        nanos.length, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6);
  }
}
