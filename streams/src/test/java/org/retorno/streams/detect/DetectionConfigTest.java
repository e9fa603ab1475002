package org.retorno.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.retorno.avro.Category;
import org.retorno.avro.Granularity;

class DetectionConfigTest {

  @Test
  void defaultsGoByClassAndGranularity() {
    DetectionConfig config = DetectionConfig.defaults();
    assertThat(config.method(Category.MPP_RETURN, Granularity.WEEK).spec()).isEqualTo(DetectionConfig.VOLUME_WEEKLY);
    assertThat(config.method(Category.AVR_ENROLLMENT, Granularity.DAY).spec()).isEqualTo(DetectionConfig.VOLUME_DAILY);
    assertThat(config.method(Category.KIDNAPPING, Granularity.WEEK).spec()).isEqualTo(DetectionConfig.HARM_WEEKLY);
    assertThat(config.method(Category.REFOULEMENT, Granularity.DAY).spec()).isEqualTo(DetectionConfig.HARM_DAILY);
    assertThat(config.method(Category.AVR_ENROLLMENT, Granularity.MONTH).spec()).isEqualTo(DetectionConfig.VOLUME_WEEKLY);
    assertThat(DetectionConfig.defaultSpec(MetricClass.HARM, Granularity.MONTH)).isEqualTo(DetectionConfig.HARM_WEEKLY);
    assertThat(config.describe()).hasSize(2 * Category.values().length)
        .containsEntry("HOMICIDE.week", DetectionConfig.HARM_WEEKLY);
    assertThatThrownBy(() -> DetectionConfig.defaultSpec(MetricClass.COVERAGE, Granularity.WEEK))
        .hasMessage("coverage is never alerted on: it has no spike method");
  }

  @Test
  void aCategoryKeyWinsOverItsClassKey() {
    Properties properties = new Properties();
    properties.setProperty("detect.HARM.week", "c2:min-sigma=1");
    properties.setProperty("detect.KIDNAPPING.week", "c3-cdc:min-sigma=1");
    properties.setProperty("detect.volume.day", "cusum:threshold=6");
    properties.setProperty("unrelated.key", "kept out");
    DetectionConfig config = DetectionConfig.fromProperties(properties);
    assertThat(config.method(Category.KIDNAPPING, Granularity.WEEK).name()).isEqualTo("c3-cdc");
    assertThat(config.method(Category.EXTORTION, Granularity.WEEK).spec()).isEqualTo("c2:baseline=7,alpha=0.001,min-sigma=1");
    assertThat(config.method(Category.EXTORTION, Granularity.DAY).spec()).isEqualTo(DetectionConfig.HARM_DAILY);
    assertThat(config.method(Category.MPP_RETURN, Granularity.DAY).parameters()).containsEntry("threshold", "6");
    assertThat(config.method(Category.KIDNAPPING, Granularity.MONTH).name()).isEqualTo("c3-cdc");
  }

  @Test
  void badKeysAndSpecsNameTheKey() {
    assertThatThrownBy(() -> DetectionConfig.fromProperties(properties("detect.HARM", "c1")))
        .hasMessage("detect.HARM: use detect.<VOLUME|HARM|category>.<week|day>");
    assertThatThrownBy(() -> DetectionConfig.fromProperties(properties("detect.HARM.month", "c1")))
        .hasMessage("detect.HARM.month: granularity 'month' is neither week nor day");
    assertThatThrownBy(() -> DetectionConfig.fromProperties(properties("detect.COVERAGE.week", "c1")))
        .hasMessage("detect.COVERAGE.week: 'COVERAGE' is neither VOLUME, HARM nor a category");
    assertThatThrownBy(() -> DetectionConfig.fromProperties(properties("detect.HARM.week", "c9")))
        .hasMessage("detect.HARM.week: unknown method 'c9': use c1, c2, c3, c3-cdc, cusum");
  }

  private static Properties properties(String key, String value) {
    Properties properties = new Properties();
    properties.setProperty(key, value);
    return properties;
  }
}
