package org.retorno.local.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.retorno.avro.CityCounts;
import org.retorno.local.registry.AvroSamples;

/** The explicit mapping between what JavaScript decodes and what Java holds. */
class AvroJsonViewTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema DATED = new Schema.Parser().parse("""
      {"type":"record","name":"Dated","fields":[
        {"name":"day","type":{"type":"int","logicalType":"date"}},
        {"name":"maybe","type":["null",{"type":"int","logicalType":"date"}]},
        {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}},
        {"name":"share","type":"double"}]}""");

  @Test
  void javaRecordsBecomeIsoDaysLongsAndSchemaOrderedFields() {
    JsonNode view = AvroJsonView.ofJava(CityCounts.getClassSchema(),
        AvroSamples.cityCounts().get(1));

    var expected = JSON.createObjectNode()
        .put("cityId", 3981609L)
        .put("cityName", "Tijuana")
        .put("admin1Code", "MX-BCN")
        .put("granularity", "WEEK")
        .put("periodStart", "2019-12-30")
        .put("periodEnd", "2020-01-05");
    expected.putArray("counts").addObject()
        .put("category", "KIDNAPPING")
        .put("value", 12L)
        .put("events", 2L)
        .put("claims", 3L)
        .put("covering", 5L)
        .put("parts", 12L);
    expected.put("status", "PROVISIONAL").put("revision", 0L);
    assertThat(view).isEqualTo(expected);
    assertThat(view.fieldNames()).toIterable().containsExactly("cityId", "cityName",
        "admin1Code", "granularity", "periodStart", "periodEnd", "counts", "status", "revision");
  }

  @Test
  void javaScriptDaysSinceEpochAndMidnightDatesMeanTheSameDay() throws Exception {
    JsonNode days = AvroJsonView.ofJavaScript(DATED, JSON.readTree(
        "{\"day\":18087,\"maybe\":null,\"at\":1562716800000,\"share\":1}"), "r");
    JsonNode dates = AvroJsonView.ofJavaScript(DATED, JSON.readTree(
        "{\"day\":{\"$date\":\"2019-07-10T00:00:00.000Z\"},\"maybe\":18089,"
            + "\"at\":{\"$date\":\"2019-07-10T00:00:00.000Z\"},\"share\":1.0}"), "r");

    assertThat(days.get("day").asText()).isEqualTo(LocalDate.of(2019, 7, 10).toString());
    assertThat(dates.get("day")).isEqualTo(days.get("day"));
    assertThat(dates.get("maybe").asText()).isEqualTo("2019-07-12");
    assertThat(days.get("maybe").isNull()).isTrue();
    assertThat(dates.get("at")).isEqualTo(days.get("at"));
    assertThat(days.get("at").asLong()).isEqualTo(1562716800000L);
    assertThat(days.get("share")).isEqualTo(dates.get("share"));
  }

  @Test
  void whatJavaScriptGetsWrongIsReportedNotSmoothedOver() {
    assertThatThrownBy(() -> AvroJsonView.ofJavaScript(DATED, JSON.readTree(
        "{\"day\":{\"$date\":\"2019-07-10T06:00:00.000Z\"},\"maybe\":null,\"at\":0,\"share\":1}"),
        "r"))
        .hasMessage("r.day: expected a date at midnight UTC but JavaScript gave"
            + " {\"$date\":\"2019-07-10T06:00:00.000Z\"}");
    assertThatThrownBy(() -> AvroJsonView.ofJavaScript(DATED, JSON.readTree(
        "{\"day\":\"2019-07-10\",\"maybe\":null,\"at\":0,\"share\":1}"), "r"))
        .hasMessageStartingWith("r.day: expected days since epoch");
    assertThatThrownBy(() -> AvroJsonView.ofJavaScript(DATED, JSON.readTree(
        "{\"day\":1,\"maybe\":{\"int\":5},\"at\":0,\"share\":1}"), "r"))
        .hasMessageStartingWith("r.maybe: expected days since epoch");
    assertThatThrownBy(() -> AvroJsonView.ofJavaScript(DATED, JSON.readTree(
        "{\"day\":1,\"maybe\":null,\"at\":0}"), "r"))
        .hasMessageStartingWith("r: expected field share");
    assertThatThrownBy(() -> AvroJsonView.ofJavaScript(DATED, JSON.readTree(
        "{\"day\":1,\"maybe\":null,\"at\":0,\"share\":1,\"extra\":2}"), "r"))
        .hasMessageStartingWith("r: expected exactly the schema's fields");
    assertThatThrownBy(() -> AvroJsonView.ofJavaScript(DATED, JSON.readTree(
        "{\"day\":1.5,\"maybe\":null,\"at\":0,\"share\":1}"), "r"))
        .hasMessageStartingWith("r.day: expected days since epoch");
  }
}
