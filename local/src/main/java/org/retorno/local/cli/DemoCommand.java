package org.retorno.local.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.retorno.avro.Granularity;
import org.retorno.avro.SourceKind;
import org.retorno.avro.SpikeAlert;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.SourceType;
import org.retorno.local.demo.CountsTable;
import org.retorno.local.demo.LocalPipeline;
import org.retorno.local.demo.PipelineOptions;
import org.retorno.local.demo.TopicReader;
import org.retorno.schemas.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Start a broker, the schema registry and the streams app on this machine, ingest the bundled",
        "samples, wait until they are processed, print per-city counts and alerts, and serve until Ctrl-C.",
        "Running it again on the same data directory gives the same table: nothing is counted twice."})
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--data-dir", defaultValue = "./data", description = "Broker log, registry state and streams state (default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address every server listens on (default ${DEFAULT-VALUE}; loopback).")
  String host;

  @Option(names = "--broker-port", defaultValue = "9092", description = "Kafka port (default ${DEFAULT-VALUE}).")
  int brokerPort;

  @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(names = "--http-port", defaultValue = "8080", description = "Streams HTTP endpoint port (default ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--samples", defaultValue = "${env:RETORNO_SAMPLES:-samples}",
      description = "Directory with news/, reports/ and counts/ to ingest (default ${DEFAULT-VALUE}).")
  Path samples;

  @Option(names = "--exit", description = "Exit after printing the table instead of serving until Ctrl-C.")
  boolean exitAfterTable;

  @Option(names = "--timeout", defaultValue = "180", description = "Seconds to wait for processing (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    for (String part : List.of("news", "reports", "counts")) {
      if (!Files.isDirectory(samples.resolve(part))) {
        throw new IllegalArgumentException("samples directory " + samples.toAbsolutePath()
            + " has no " + part + "/ folder (use --samples DIR)");
      }
    }
    long started = System.nanoTime();
    PipelineOptions options = new PipelineOptions(dataDir, host, brokerPort, registryPort, httpPort, 3);
    LocalPipeline pipeline = LocalPipeline.start(options);
    boolean closedOnSignal = false;
    try {
      System.out.println("retorno demo");
      System.out.println("  broker    " + pipeline.bootstrapServers() + "   (data in " + dataDir.toAbsolutePath() + ")");
      System.out.println("  registry  " + pipeline.registryUrl());
      System.out.println("  http      " + pipeline.httpUrl() + "   (dashboard at /, /api/..., /openapi.json, /metrics)");
      if (pipeline.analystTokenGenerated()) {
        System.out.println("  analyst   bearer token " + pipeline.analystToken()
            + "   (made up for this run; set RETORNO_ANALYST_TOKEN to choose one)");
      }
      pipeline.awaitRunning(Duration.ofSeconds(timeoutSeconds));
      System.out.printf("  ready in %.1f s%n%n", (System.nanoTime() - started) / 1e9);

      ingest(pipeline, "news", SourceType.NEWS, IngestOptions.defaults());
      ingest(pipeline, "reports", SourceType.REPORTS,
          new IngestOptions(SourceKind.NGO, "Joint NGO letter to IOM (30 organisations)",
              "Letter of 30 NGOs to IOM on assisted voluntary return under MPP", null, null));
      ingest(pipeline, "counts", SourceType.COUNTS, IngestOptions.defaults());

      pipeline.awaitProcessed(Duration.ofSeconds(timeoutSeconds));
      System.out.printf("%nprocessed in %.1f s since start%n%n", (System.nanoTime() - started) / 1e9);
      System.out.println("per-city counts by month (analyst view: exact figures; public outputs show 1-4 as <5)");
      System.out.print(CountsTable.render(pipeline.counts(Granularity.MONTH), pipeline.provenance(),
          pipeline::event));
      System.out.println();
      System.out.println("alerts");
      List<SpikeAlert> alerts = TopicReader.readAll(pipeline.clientProperties(), Topics.SPIKE_ALERTS,
          SpikeAlert.class).stream().map(record -> record.value()).toList();
      System.out.print(CountsTable.renderAlerts(alerts));
      System.out.println();
      if (exitAfterTable) {
        return 0;
      }
      System.out.println("serving; press Ctrl-C to stop");
      closedOnSignal = true;
      Shutdown.awaitSignal(pipeline::close);
      return 0;
    } finally {
      if (!closedOnSignal) {
        pipeline.close();
      }
    }
  }

  private void ingest(LocalPipeline pipeline, String folder, SourceType type, IngestOptions options) {
    IngestAccount account = pipeline.ingest(type, List.of(samples.resolve(folder)), options);
    System.out.printf("  ingest %-8s %s%n", folder, account.summary());
  }
}
