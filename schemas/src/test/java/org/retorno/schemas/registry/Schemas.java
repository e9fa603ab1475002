package org.retorno.schemas.registry;

/** Small schemas for registry tests, written as a client would send them. */
final class Schemas {
  private Schemas() {}

  /** A record "Sighting" with the given fields (JSON of each field). */
  static String record(String... fields) {
    return "{\"type\":\"record\",\"name\":\"Sighting\",\"namespace\":\"org.retorno.test\",\"fields\":["
        + String.join(",", fields) + "]}";
  }

  static String field(String name, String type) {
    return "{\"name\":\"" + name + "\",\"type\":" + type + "}";
  }

  static String field(String name, String type, String defaultJson) {
    return "{\"name\":\"" + name + "\",\"type\":" + type + ",\"default\":" + defaultJson + "}";
  }

  static final String CITY = field("city", "\"string\"");
  static final String V1 = record(CITY);
  static final String V2_OPTIONAL_CASES = record(CITY, field("cases", "\"int\"", "0"));
  static final String V2_REQUIRED_CASES = record(CITY, field("cases", "\"int\""));
}
