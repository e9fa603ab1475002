package org.retorno.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.retorno.schemas.registry.MockSchemaRegistryClient;

class WireFormatTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Schema CASES = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Cases\",\"fields\":["
      + "{\"name\":\"city\",\"type\":\"string\"},{\"name\":\"cases\",\"type\":\"int\"},"
      + "{\"name\":\"source\",\"type\":\"string\"}]}");
  private final String scope = "wire-" + UUID.randomUUID();

  @AfterEach
  void dropScope() {
    MockSchemaRegistryClient.dropScope(scope);
  }

  @Test
  void serializerWritesTheGoldenFrame() {
    GenericRecord record = new GenericData.Record(CASES);
    record.put("city", "Lyon");
    record.put("cases", 42);
    record.put("source", "ngo");
    AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);

    assertThat(HEX.formatHex(serializer.serialize("cases", record))).isEqualTo("0000000001084c796f6e54066e676f");
  }

  @Test
  void encodesAndDecodesTheHeader() {
    byte[] frame = WireFormat.encode(0x01020304, HEX.parseHex("084c796f6e"));

    assertThat(HEX.formatHex(frame)).isEqualTo("0001020304084c796f6e");
    WireFormat.Frame decoded = WireFormat.decode("t", frame);
    assertThat(decoded.schemaId()).isEqualTo(0x01020304);
    assertThat(decoded.payloadOffset()).isEqualTo(5);
    assertThat(decoded.payloadLength()).isEqualTo(5);
    assertThat(HEX.formatHex(decoded.payload().array(), decoded.payloadOffset(), 10)).isEqualTo("084c796f6e");
  }

  @Test
  void anEmptyPayloadIsAValidFrame() {
    assertThat(WireFormat.decode("t", HEX.parseHex("0000000007")).payloadLength()).isZero();
  }

  @Test
  void rejectsBadFramesNamingTopicAndReason() {
    assertRejected(new byte[0], "Cannot deserialize a record from topic 'claims': the data is empty; a"
        + " Confluent-framed Avro record has at least 5 bytes");
    assertRejected(HEX.parseHex("000000"), "Cannot deserialize a record from topic 'claims': the data is 3 bytes,"
        + " shorter than the 5-byte header (magic byte and schema id)");
    assertRejected(HEX.parseHex("7b2263697479223a"), "Cannot deserialize a record from topic 'claims': unknown"
        + " magic byte 0x7b (expected 0x00); it was not written by a Confluent-compatible Avro serializer");
    assertRejected(HEX.parseHex("01" + "00112233445566778899aabbccddeeff" + "08"), "Cannot deserialize a record from"
        + " topic 'claims': it is framed with a schema GUID (magic byte 0x01), which this registry does not assign;"
        + " only integer schema ids (magic byte 0x00) are supported");
  }

  private static void assertRejected(byte[] data, String message) {
    assertThatThrownBy(() -> WireFormat.decode("claims", data))
        .isInstanceOf(SerializationException.class)
        .hasMessage(message);
  }
}
