package org.retorno.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.kafka.common.errors.SerializationException;

class WireFormatPropertiesTest {

  @Property
  void decodingAnEncodedFrameGivesBackIdAndPayload(@ForAll int schemaId, @ForAll byte[] payload) {
    WireFormat.Frame frame = WireFormat.decode("t", WireFormat.encode(schemaId, payload));

    assertThat(frame.schemaId()).isEqualTo(schemaId);
    assertThat(Arrays.copyOfRange(frame.bytes(), frame.payloadOffset(), frame.payloadOffset() + frame.payloadLength()))
        .isEqualTo(payload);
  }

  @Property(tries = 2000)
  void anyBytesDecodeOrFailWithASerializationExceptionNamingTheTopic(@ForAll byte[] data) {
    try {
      WireFormat.Frame frame = WireFormat.decode("raw-news", data);
      assertThat(data[0]).isZero();
      assertThat(frame.payloadLength()).isEqualTo(data.length - 5);
    } catch (SerializationException e) {
      assertThat(e.getMessage()).startsWith("Cannot deserialize a record from topic 'raw-news': ").doesNotContain("\n");
    }
  }
}
