package org.retorno.local.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.retorno.schemas.registry.NoopRecord;
import org.retorno.schemas.registry.RegistryRecord;
import org.retorno.schemas.registry.RegistryState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's state, kept in a one-partition compacted Kafka topic. A reader thread applies
 * every record of the topic, from the beginning, to a {@link RegistryState}; so every instance on
 * the same topic converges to the same state. Writes go through the topic too: a write is answered
 * only once the reader has applied it (read-your-writes).
 */
final class SchemaStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaStore.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long READER_BACKOFF_MS = 500;

  /** What a command decided: its answer and the records that make it durable, if any. */
  record Command<T>(T result, List<? extends RegistryRecord> records) {
    Command {
      records = List.copyOf(records);
    }
  }

  private final String topic;
  private final TopicPartition partition;
  private final Duration timeout;
  private final RegistryState state = new RegistryState();
  /** Commands are planned against the state one at a time, so two never take the same id. */
  private final ReentrantLock commandLock = new ReentrantLock();
  private final Object progress = new Object();
  private long nextOffset;
  private final KafkaConsumer<String, String> consumer;
  private final KafkaProducer<String, String> producer;
  private final Thread reader;
  private volatile boolean running = true;

  private SchemaStore(RegistryOptions options) {
    this.topic = options.topic();
    this.partition = new TopicPartition(topic, 0);
    this.timeout = options.timeout();
    this.consumer = new KafkaConsumer<>(consumerConfig(options));
    this.producer = new KafkaProducer<>(producerConfig(options));
    this.reader = new Thread(this::readLoop, "registry-reader-" + topic);
    this.reader.setDaemon(true);
  }

  /** Creates the topic if needed, reads it to its current end, and keeps reading. */
  static SchemaStore open(RegistryOptions options) {
    SchemasTopic.ensure(adminConfig(options), options.topic(), options.replicationFactor(),
        options.timeout().toMillis());
    SchemaStore store = new SchemaStore(options);
    try {
      store.startReading();
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private void startReading() {
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
    reader.start();
    try {
      awaitApplied(end - 1);
    } catch (ApiError e) {
      throw new IllegalStateException("the registry could not read topic " + topic
          + " to its end (offset " + end + ") within " + timeout.toSeconds() + " s");
    }
  }

  /** Runs a query against the state as the reader has it now. */
  <T> T read(Function<RegistryState, T> query) {
    return query.apply(state);
  }

  /**
   * Plans a command against the latest state and makes it durable. Before planning, the reader
   * catches up with everything in the topic (a marker record is written and awaited), so writes of
   * other instances on the same topic are seen; after writing, the reader applies the command's
   * own records before this returns.
   */
  <T> T write(Function<RegistryState, Command<T>> planner) {
    lockCommands();
    try {
      awaitApplied(append(NoopRecord.INSTANCE));
      Command<T> command = planner.apply(state);
      long last = -1;
      for (RegistryRecord record : command.records()) {
        last = append(record);
      }
      awaitApplied(last);
      return command.result();
    } finally {
      commandLock.unlock();
    }
  }

  private void lockCommands() {
    try {
      if (!commandLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw ApiError.storeTimeout("Timed out waiting for earlier writes to the registry");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.storeTimeout("Interrupted while waiting for earlier writes to the registry");
    }
  }

  private long append(RegistryRecord record) {
    try {
      return producer.send(new ProducerRecord<>(topic, 0, record.keyJson(), record.valueJson()))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
    } catch (TimeoutException e) {
      throw ApiError.storeTimeout("Timed out writing to the registry topic " + topic);
    } catch (ExecutionException e) {
      throw ApiError.storeError("Could not write to the registry topic " + topic + ": "
          + e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.storeTimeout("Interrupted while writing to the registry topic " + topic);
    }
  }

  private void awaitApplied(long offset) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (nextOffset <= offset) {
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remainingMs <= 0 || !running) {
          throw ApiError.storeTimeout("Timed out waiting for the registry to read its own write"
              + " from topic " + topic);
        }
        try {
          progress.wait(remainingMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw ApiError.storeTimeout("Interrupted while reading the registry topic " + topic);
        }
      }
    }
  }

  private void readLoop() {
    try {
      while (running) {
        try {
          ConsumerRecords<String, String> records = consumer.poll(POLL);
          if (!records.isEmpty()) {
            applyAll(records);
          }
          publishProgress(consumer.position(partition));
        } catch (WakeupException e) {
          // close() woke us up; the loop condition ends the thread.
        } catch (RuntimeException e) {
          LOG.warn("Reading registry topic {} failed, retrying: {}", topic, e.toString());
          sleepQuietly(READER_BACKOFF_MS);
        }
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void applyAll(ConsumerRecords<String, String> records) {
    for (ConsumerRecord<String, String> record : records) {
      apply(record);
    }
  }

  /** A record we cannot read is skipped, as Confluent's registry does, so one bad write cannot stop every instance. */
  private void apply(ConsumerRecord<String, String> record) {
    if (record.key() == null) {
      LOG.warn("Skipped registry record at offset {}: no key", record.offset());
      return;
    }
    try {
      state.apply(RegistryRecord.fromKafka(record.key(), record.value()));
    } catch (RuntimeException e) {
      LOG.warn("Skipped registry record at offset {}: {}", record.offset(), e.getMessage());
    }
  }

  private void publishProgress(long position) {
    synchronized (progress) {
      if (position > nextOffset) {
        nextOffset = position;
        progress.notifyAll();
      }
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    synchronized (progress) {
      progress.notifyAll();
    }
    if (reader.isAlive()) {
      consumer.wakeup();
      try {
        reader.join(timeout.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      consumer.close(Duration.ZERO);
    }
    producer.close(Duration.ofSeconds(5));
  }

  private static Map<String, Object> adminConfig(RegistryOptions options) {
    Map<String, Object> config = new HashMap<>(options.clientProperties());
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "retorno-registry-admin");
    return config;
  }

  private static Map<String, Object> consumerConfig(RegistryOptions options) {
    Map<String, Object> config = new HashMap<>(options.clientProperties());
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "retorno-registry-reader");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return config;
  }

  private static Map<String, Object> producerConfig(RegistryOptions options) {
    Map<String, Object> config = new HashMap<>(options.clientProperties());
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "retorno-registry-writer");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return config;
  }
}
