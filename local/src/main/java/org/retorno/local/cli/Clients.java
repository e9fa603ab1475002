package org.retorno.local.cli;

import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Client settings for one kind of Kafka client, cut from the shared settings. */
final class Clients {
  private Clients() {}

  /** The keys an admin client knows, so it does not warn about serde or Streams settings. */
  static Properties adminProperties(Properties all) {
    Properties admin = new Properties();
    for (String key : all.stringPropertyNames()) {
      if (AdminClientConfig.configNames().contains(key)) {
        admin.put(key, all.getProperty(key));
      }
    }
    return admin;
  }
}
