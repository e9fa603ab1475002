package org.retorno.local.docker;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.retorno.schemas.serde.SerdeConfig;
import org.retorno.streams.app.StreamsSettings;

/**
 * Which keys a {@code retorno streams} settings file may hold: a Kafka Streams, consumer, producer
 * or admin config (also with Streams' client prefixes), a serde key that {@link StreamsSettings}
 * really hands to the serdes, or one of {@link StreamsSettings}' own {@code retorno.*} keys.
 */
final class StreamsKeys {
  private static final Set<String> CLIENT_KEYS = clientKeys();
  private static final Map<String, Set<String>> PREFIXES = Map.of(
      StreamsConfig.CONSUMER_PREFIX, ConsumerConfig.configNames(),
      StreamsConfig.MAIN_CONSUMER_PREFIX, ConsumerConfig.configNames(),
      StreamsConfig.RESTORE_CONSUMER_PREFIX, ConsumerConfig.configNames(),
      StreamsConfig.GLOBAL_CONSUMER_PREFIX, ConsumerConfig.configNames(),
      StreamsConfig.PRODUCER_PREFIX, ProducerConfig.configNames(),
      StreamsConfig.ADMIN_CLIENT_PREFIX, AdminClientConfig.configNames());

  private StreamsKeys() {}

  /** Why a key is not one the streams command understands, or empty if it is. */
  static Optional<String> problem(String key) {
    if (key.startsWith("retorno.")) {
      return constants(StreamsSettings.class).contains(key) ? Optional.empty()
          : Optional.of("not a StreamsSettings key");
    }
    if (constants(SerdeConfig.class).contains(key)) {
      return forwardedToSerdes(key) ? Optional.empty()
          : Optional.of("a serde key that StreamsSettings does not hand to the serdes");
    }
    if (CLIENT_KEYS.contains(key)) {
      return Optional.empty();
    }
    for (Map.Entry<String, Set<String>> prefix : PREFIXES.entrySet()) {
      if (key.startsWith(prefix.getKey()) && prefix.getValue().contains(key.substring(prefix.getKey().length()))) {
        return Optional.empty();
      }
    }
    return Optional.of("not a Kafka Streams, client or serde config");
  }

  private static Set<String> clientKeys() {
    Set<String> keys = new HashSet<>(StreamsConfig.configDef().names());
    keys.addAll(ConsumerConfig.configNames());
    keys.addAll(ProducerConfig.configNames());
    keys.addAll(AdminClientConfig.configNames());
    return keys;
  }

  private static boolean forwardedToSerdes(String key) {
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092");
    props.put(StreamsSettings.REGISTRY_URL, "http://registry:8081");
    props.put(key, "x");
    return new StreamsSettings(props).serdeConfig().containsKey(key);
  }

  /** The values of a class's public String constants. */
  static Set<String> constants(Class<?> type) {
    Set<String> values = new HashSet<>();
    for (Field field : type.getFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }
}
