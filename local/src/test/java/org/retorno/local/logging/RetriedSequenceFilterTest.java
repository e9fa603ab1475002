package org.retorno.local.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

class RetriedSequenceFilterTest {
  private final RetriedSequenceFilter filter = RetriedSequenceFilter.create();

  @Test
  void dropsTheRetriableRejectionOfTransactionsV2() {
    assertThat(filter.filter(event(new OutOfOrderSequenceException("Invalid sequence number for producer 1 at offset 3"
        + " in partition events-0: 6 (incoming seq. number). " + RetriedSequenceFilter.RETRIED))))
        .isEqualTo(Filter.Result.DENY);
  }

  @Test
  void keepsEveryOtherError() {
    assertThat(filter.filter(event(new OutOfOrderSequenceException(
        "Out of order sequence number for producer 7 at offset 9 in partition events-0: 51 (incoming seq."
            + " number), 49 (current end sequence number)")))).isEqualTo(Filter.Result.NEUTRAL);
    assertThat(filter.filter(event(new IllegalStateException(RetriedSequenceFilter.RETRIED))))
        .isEqualTo(Filter.Result.NEUTRAL);
    assertThat(filter.filter(event(null))).isEqualTo(Filter.Result.NEUTRAL);
  }

  @Test
  void theShippedLoggingConfigurationPutsItOnTheBrokersReplicaManager() throws Exception {
    // Read explicitly: on the test class path a Kafka test jar's log4j2.yaml would be found first.
    URL shipped = RetriedSequenceFilter.class.getResource("/log4j2.xml");
    XmlConfiguration configuration = new XmlConfiguration(new LoggerContext("shipped-config-test"),
        ConfigurationSource.fromUri(shipped.toURI()));
    configuration.initialize();
    LoggerConfig replicaManager = configuration.getLoggerConfig("kafka.server.ReplicaManager");
    assertThat(replicaManager.getName()).isEqualTo("kafka.server.ReplicaManager");
    assertThat(replicaManager.getFilter()).isInstanceOf(RetriedSequenceFilter.class);
    assertThat(configuration.getLoggerConfig("kafka.server.KafkaApis").getName()).isEqualTo("kafka");
  }

  private static LogEvent event(Throwable thrown) {
    return Log4jLogEvent.newBuilder().setLoggerName("kafka.server.ReplicaManager").setLevel(Level.ERROR)
        .setMessage(new SimpleMessage("Error processing append operation on partition events-0"))
        .setThrown(thrown).build();
  }
}
