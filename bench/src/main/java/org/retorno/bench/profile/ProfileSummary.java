package org.retorno.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the stream threads spent their time, from the execution samples of a JFR recording: per
 * thread group, per layer (the package of the innermost frame we can name) and, inclusively, per
 * pipeline method on the stack (a processor and everything it calls).
 */
public final class ProfileSummary {
  /** Shares of samples, largest first. */
  public record Summary(long samples, long streamSamples, Map<String, Double> threads,
      Map<String, Double> layers, Map<String, Double> pipelineClasses, Map<String, Double> hotMethods) {

    public String render() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "%d execution samples, %d on stream threads%n", samples, streamSamples));
      section(out, "threads (all samples)", threads);
      section(out, "stream threads by layer (innermost frame)", layers);
      section(out, "stream threads inclusive, by pipeline method on the stack", pipelineClasses);
      section(out, "stream threads, hottest methods (self)", hotMethods);
      return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Double> shares) {
      out.append("  ").append(title).append('\n');
      shares.forEach((name, share) -> out.append(String.format(Locale.ROOT, "    %5.1f%%  %s%n", share * 100, name)));
    }
  }

  /** Innermost-frame packages, most specific first, and the layer each stands for. */
  private static final List<String[]> LAYERS = List.of(
      new String[] {"org.rocksdb.", "RocksDB (JNI)"},
      new String[] {"org.retorno.schemas.serde.", "our serde (framing, registry cache)"},
      new String[] {"org.apache.avro.", "Avro encode/decode"},
      new String[] {"org.retorno.streams.topology.", "topology code"},
      new String[] {"org.retorno.streams.extract.", "claim extractor"},
      new String[] {"org.retorno.", "other retorno code"},
      new String[] {"org.apache.kafka.streams.state.", "Streams state stores (cache, changelog, metering)"},
      new String[] {"org.apache.kafka.streams.", "Kafka Streams runtime"},
      new String[] {"org.apache.kafka.clients.producer.", "producer"},
      new String[] {"org.apache.kafka.clients.consumer.", "consumer"},
      new String[] {"org.apache.kafka.common.record.", "record batches (CRC, compression)"},
      new String[] {"org.apache.kafka.", "other Kafka client code"},
      new String[] {"java.util.zip.", "CRC/zip"},
      new String[] {"java.time.", "java.time"},
      new String[] {"java.util.regex.", "regular expressions"},
      new String[] {"java.lang.String", "strings"},
      new String[] {"java.util.", "collections"},
      new String[] {"java.", "other JDK"},
      new String[] {"jdk.", "other JDK"},
      new String[] {"sun.", "other JDK"});
  private static final int TOP = 12;

  private ProfileSummary() {}

  public static Summary of(Path recording) throws IOException {
    long samples = 0;
    long streamSamples = 0;
    Map<String, Long> threads = new HashMap<>();
    Map<String, Long> layers = new HashMap<>();
    Map<String, Long> classes = new HashMap<>();
    Map<String, Long> methods = new HashMap<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      RecordedThread thread = event.getThread("sampledThread");
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      String group = threadGroup(thread == null ? "" : thread.getJavaName());
      threads.merge(group, 1L, Long::sum);
      if (!group.equals("stream threads")) {
        continue;
      }
      streamSamples++;
      RecordedFrame top = stack.getFrames().get(0);
      String topName = qualified(top);
      layers.merge(layerOf(topName), 1L, Long::sum);
      methods.merge(topName, 1L, Long::sum);
      Set<String> onStack = new HashSet<>();
      for (RecordedFrame frame : stack.getFrames()) {
        String type = frame.getMethod().getType().getName();
        if (type.startsWith("org.retorno.") && !type.startsWith("org.retorno.avro.")) {
          onStack.add(simpleName(type) + "." + frame.getMethod().getName());
        }
      }
      onStack.forEach(name -> classes.merge(name, 1L, Long::sum));
    }
    return new Summary(samples, streamSamples, shares(threads, samples), shares(layers, streamSamples),
        shares(classes, streamSamples), shares(methods, streamSamples));
  }

  static String threadGroup(String name) {
    if (name.contains("StreamThread")) {
      return "stream threads";
    }
    if (name.startsWith("kafka-producer-network-thread")) {
      return "producer I/O threads";
    }
    if (name.startsWith("data-plane-kafka") || name.startsWith("kafka-request-handler")
        || name.contains("broker") || name.contains("controller") || name.startsWith("raft")
        || name.startsWith("ReplicaFetcher") || name.startsWith("log-cleaner") || name.startsWith("kafka-")) {
      return "broker";
    }
    return "other";
  }

  static String layerOf(String qualifiedMethod) {
    for (String[] layer : LAYERS) {
      if (qualifiedMethod.startsWith(layer[0])) {
        return layer[1];
      }
    }
    return "native or other";
  }

  private static String qualified(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  /** The class's simple name; a lambda counts for the class that wrote it. */
  static String simpleName(String type) {
    int lambda = type.indexOf("$$Lambda");
    String named = lambda > 0 ? type.substring(0, lambda) : type;
    return named.substring(named.lastIndexOf('.') + 1);
  }

  private static Map<String, Double> shares(Map<String, Long> counts, long total) {
    Map<String, Double> shares = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(TOP)
        .forEach(entry -> shares.put(entry.getKey(), total == 0 ? 0 : entry.getValue() / (double) total));
    return shares;
  }
}
