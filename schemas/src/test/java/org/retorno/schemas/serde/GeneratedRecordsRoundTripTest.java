package org.retorno.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.retorno.avro.Claim;
import org.retorno.schemas.registry.MockSchemaRegistryClient;

/** Every generated record type survives the serde, read as specific or generic data. */
class GeneratedRecordsRoundTripTest {
  private static final int SAMPLES = 25;
  private final String scope = "roundtrip-" + UUID.randomUUID();
  private final Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

  @AfterEach
  void dropScope() {
    MockSchemaRegistryClient.dropScope(scope);
  }

  /** The generated record classes, found in the compiled package so a new .avsc is covered without edits. */
  static List<Class<? extends SpecificRecord>> generatedRecordClasses() throws IOException, URISyntaxException {
    Path dir = Path.of(Claim.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("org/retorno/avro");
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".class") && !name.contains("$"))
          .map(name -> load("org.retorno.avro." + name.substring(0, name.length() - ".class".length())))
          .filter(SpecificRecordBase.class::isAssignableFrom)
          .map(GeneratedRecordsRoundTripTest::asRecordClass)
          .sorted((a, b) -> a.getName().compareTo(b.getName()))
          .toList();
    }
  }

  @Test
  void findsEveryRecordOfTheContracts() throws Exception {
    assertThat(generatedRecordClasses()).extracting(Class::getSimpleName).contains("CaseCountRow", "CategoryCount",
        "CityCounts", "Claim", "Count", "Event", "Evidence", "NewsArticle", "NgoReport", "Place", "Rejection",
        "SpikeAlert");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedRecordClasses")
  <T extends SpecificRecord> void roundTripsSpecificAndGeneric(Class<T> type) throws IOException {
    Schema schema = SpecificData.get().getSchema(type);
    String topic = "roundtrip-" + type.getSimpleName();
    AvroSerde<T> specific = AvroSerde.specific(type, config, false);
    AvroSerde<GenericRecord> generic = AvroSerde.generic(config, false);
    RandomAvro random = new RandomAvro(type.getName().hashCode());
    SpecificData model = SpecificData.getForClass(type);

    for (int i = 0; i < SAMPLES; i++) {
      GenericRecord original = (GenericRecord) random.next(schema);
      T record = asSpecific(type, schema, original);

      byte[] fromSpecific = specific.serializer().serialize(topic, record);
      byte[] fromGeneric = generic.serializer().serialize(topic, original);

      assertThat(fromGeneric).as("generic and specific write the same bytes").isEqualTo(fromSpecific);
      T back = specific.deserializer().deserialize(topic, fromSpecific);
      assertThat(back).isInstanceOf(type);
      // Compared as generic data: Avro's generated equals() throws on arrays of records whose unions
      // hold logical types (GenericData.Array.equals uses the model without conversions).
      assertThat(asGeneric(schema, back, model)).isEqualTo(original);
      assertThat(generic.deserializer().deserialize(topic, fromSpecific)).isEqualTo(original);
    }
    assertThat(MockSchemaRegistryClient.forScope(scope).versions(topic + "-value")).containsExactly(1);
  }

  /**
   * Our record template gives every record Avro's generated coders and switches them on
   * (record.vm); the reflective path they replace is many times slower, so falling back to it
   * silently would be a regression nobody sees.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedRecordClasses")
  void usesTheGeneratedCoders(Class<? extends SpecificRecord> type) throws Exception {
    assertThat(SpecificData.getForClass(type).useCustomCoders()).as("the model's flag").isTrue();
    Method hasCustomCoders = SpecificRecordBase.class.getDeclaredMethod("hasCustomCoders");
    hasCustomCoders.setAccessible(true);
    assertThat(hasCustomCoders.invoke(type.getConstructor().newInstance())).as("generated coders").isEqualTo(true);
  }

  /**
   * Reading data of an older or newer writer: fields in another order (the generated decoder's
   * second branch) and fields with defaults missing. The generated decoder must give what Avro's
   * reflective reader gives.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedRecordClasses")
  <T extends SpecificRecord> void resolvesAnotherWriterLikeTheReflectiveReader(Class<T> type) throws IOException {
    Schema reader = SpecificData.get().getSchema(type);
    Schema writer = reorderedWithoutDefaults(reader);
    SpecificData reflective = new SpecificData();
    reflective.addLogicalTypeConversion(new TimeConversions.DateConversion());
    reflective.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    reflective.setCustomCoders(false);
    RandomAvro random = new RandomAvro(type.getName().hashCode() + 1);
    for (int i = 0; i < SAMPLES; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<Object>(writer, GenericData.get()).write(random.next(writer), encoder);
      encoder.flush();
      Object generated = new SpecificDatumReader<T>(writer, reader, SpecificData.getForClass(type))
          .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
      Object viaReflection = new SpecificDatumReader<T>(writer, reader, reflective)
          .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
      assertThat(asGeneric(reader, generated, reflective)).isEqualTo(asGeneric(reader, viaReflection, reflective));
    }
  }

  /** The record's fields in reverse order, those with a default left out (the reader fills them in). */
  private static Schema reorderedWithoutDefaults(Schema reader) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : reader.getFields()) {
      if (!field.hasDefaultValue()) {
        fields.add(0, new Schema.Field(field, field.schema()));
      }
    }
    return Schema.createRecord(reader.getName(), null, reader.getNamespace(), false, fields);
  }

  private static GenericRecord asGeneric(Schema schema, Object specific, SpecificData model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<Object>(schema, model).write(specific, encoder);
    encoder.flush();
    return new GenericDatumReader<GenericRecord>(schema)
        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
  }

  /** The specific record with the same content, built the way a consumer would: by decoding. */
  private static <T> T asSpecific(Class<T> type, Schema schema, GenericRecord generic) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema, GenericData.get()).write(generic, encoder);
    encoder.flush();
    SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema, schema, SpecificData.getForClass(type));
    return reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends SpecificRecord> asRecordClass(Class<?> type) {
    return (Class<? extends SpecificRecord>) type;
  }
}
