package org.retorno.faults.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.retorno.local.registry.RegistryOptions;
import org.retorno.local.registry.RegistryServer;
import org.retorno.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run: a fresh three-node cluster, the registry, two streams instances; the workload fed while
 * streams instances and a broker are killed with SIGKILL at random intervals and restarted; then,
 * once the pipeline has caught up, the published daily counts against the ground truth.
 */
public final class CrashRun {
  private static final Logger LOG = LoggerFactory.getLogger(CrashRun.class);
  private static final String GROUP = "retorno-streams";
  private static final int PARTITIONS = 3;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(3);
  /** The output must stand still this long, with nothing left to read, before it is compared. */
  private static final Duration QUIET = Duration.ofSeconds(10);

  private final RunOptions options;
  private final Random random;

  public CrashRun(RunOptions options) {
    this.options = options;
    this.random = new Random(options.workload().seed() * 31 + options.label().hashCode());
  }

  public RunResult run() {
    long started = System.nanoTime();
    ChildProcesses.classPath();
    preloadContracts();
    Workload workload = Workload.generate(options.workload());
    GroundTruth truth = GroundTruth.of(workload);
    LOG.info("{}: {} records ({} source rows), starting a three-node cluster", options.label(),
        workload.records().size(), options.workload().originals());
    try (KraftCluster cluster = KraftCluster.start(options.workDir().resolve("cluster"), START_TIMEOUT);
         Admin admin = cluster.admin()) {
      Topics.ensureExist(admin, PARTITIONS, (short) KraftCluster.NODES);
      try (RegistryServer registry = RegistryServer.start(new RegistryOptions(cluster.bootstrapServers(), Map.of(),
          "127.0.0.1", 0, "_schemas", (short) KraftCluster.NODES, Duration.ofSeconds(60)))) {
        List<StreamsProcess> instances = new ArrayList<>();
        try {
          for (String id : List.of("crash-a", "crash-b")) {
            instances.add(StreamsProcess.start(id, options.workDir().resolve(id), cluster.bootstrapServers(),
                registry.url(), options.streamsSettings()));
          }
          Poll.until("both streams instances RUNNING", START_TIMEOUT,
              () -> instances.stream().allMatch(StreamsProcess::running));
          GroupProgress group = new GroupProgress(admin, GROUP);
          Feeder feeder = new Feeder();
          long feedStart = System.nanoTime();
          CompletableFuture<Void> feed = feeder.start(workload, cluster.bootstrapServers(), registry.url(),
              options.feedRate());
          List<FaultRecord> faults = injectFaults(cluster, admin, instances, group, feedStart, feed::isDone);
          feed.get(30, TimeUnit.MINUTES);
          long faultsDone = System.nanoTime();
          awaitConvergence(instances, group);
          long convergeMs = (System.nanoTime() - faultsDone) / 1_000_000;
          Comparison comparison = Comparison.of(truth,
              DailyCountsReader.latest(cluster.bootstrapServers(), registry.url(), Duration.ofMinutes(5)));
          ClaimsLedger claims = ClaimsReader.ledger(cluster.bootstrapServers(), registry.url(), Duration.ofMinutes(5));
          LOG.info("{}: compared {} events: exact={}; {} claim records read, {} expected: {} extra, {} missing",
              options.label(), comparison.eventsChecked(), comparison.exact(), claims.claimRecordsRead(),
              claims.claimRecordsExpected(), claims.extra(), claims.missing());
          return new RunResult(options.label(), options.guarantee(), settingsOf(), options.workload().seed(),
              feeder.acknowledged(), workload.countsByKind(), faults, convergeMs,
              (System.nanoTime() - started) / 1_000_000, comparison, claims);
        } finally {
          instances.forEach(StreamsProcess::stop);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(options.label() + ": interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException(options.label() + " failed: " + e.getMessage()
          + " (logs in " + options.workDir() + ")", e);
    }
  }

  /**
   * Loads the Avro classes this JVM will read before the run: other builds on the machine reinstall
   * the schemas jar meanwhile, and a class loaded late from a replaced jar is not found.
   */
  private static void preloadContracts() {
    for (Class<?> type : List.of(org.retorno.avro.CityCounts.class, org.retorno.avro.CaseCountRow.class,
        org.retorno.avro.Claim.class)) {
      preload(org.apache.avro.specific.SpecificData.get().getSchema(type), new java.util.HashSet<>());
    }
  }

  /** Loads the generated class of every named type the schema reaches (nested records, enums). */
  private static void preload(org.apache.avro.Schema schema, java.util.Set<String> seen) {
    switch (schema.getType()) {
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          org.apache.avro.specific.SpecificData.get().newRecord(null, schema);
          schema.getFields().forEach(field -> preload(field.schema(), seen));
        }
      }
      case ENUM, FIXED -> {
        if (seen.add(schema.getFullName())) {
          org.apache.avro.specific.SpecificData.get().getClass(schema);
        }
      }
      case UNION -> schema.getTypes().forEach(branch -> preload(branch, seen));
      case ARRAY -> preload(schema.getElementType(), seen);
      case MAP -> preload(schema.getValueType(), seen);
      default -> { }
    }
  }

  private Map<String, String> settingsOf() {
    Map<String, String> settings = new TreeMap<>();
    options.streamsSettings().forEach((key, value) -> settings.put(key.toString(), value.toString()));
    return settings;
  }

  /**
   * The faults in a random order (a broker kill never first), each 5-15 s after the system
   * recovered from the one before (a streams instance RUNNING again, a broker serving with full
   * ISRs), so every fault hits a working pipeline and its recovery is measured on its own.
   */
  private List<FaultRecord> injectFaults(KraftCluster cluster, Admin admin, List<StreamsProcess> instances,
      GroupProgress group, long feedStart, BooleanSupplier feedDone) {
    List<String> plan = new ArrayList<>();
    for (int i = 0; i < options.streamsKills(); i++) {
      plan.add("streams");
    }
    for (int i = 0; i < options.brokerKills(); i++) {
      plan.add(1 + random.nextInt(Math.max(1, plan.size())), "broker");
    }
    ExecutorService watchers = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "crash-progress-watcher");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<CompletableFuture<FaultRecord>> faults = new ArrayList<>();
      long previous = feedStart;
      for (String kind : plan) {
        long gapMs = options.minGap().toMillis()
            + (long) (random.nextDouble() * (options.maxGap().toMillis() - options.minGap().toMillis()));
        Poll.sleepUntil(previous + gapMs * 1_000_000);
        long at = System.nanoTime();
        double atSeconds = (at - feedStart) / 1e9;
        double gapSeconds = (at - previous) / 1e9;
        CompletableFuture<FaultRecord> fault = kind.equals("broker")
            ? CompletableFuture.completedFuture(killBroker(cluster, admin, atSeconds, gapSeconds, feedDone))
            : killStreams(instances.get(random.nextInt(instances.size())), group, atSeconds, gapSeconds, feedDone,
                watchers);
        previous = System.nanoTime();
        faults.add(fault);
      }
      List<FaultRecord> records = faults.stream().map(CompletableFuture::join).toList();
      records.forEach(fault -> LOG.info("{}: {}", options.label(), fault));
      return records;
    } finally {
      watchers.shutdownNow();
    }
  }

  /**
   * SIGKILL and restart with the same identity; blocks until RUNNING again. The time to the first
   * committed progress is watched in the background while the next faults go on.
   */
  private CompletableFuture<FaultRecord> killStreams(StreamsProcess victim, GroupProgress group, double atSeconds,
      double gapSeconds, BooleanSupplier feedDone, ExecutorService watchers) {
    long killedAt = System.nanoTime();
    long killedAtEpochMs = System.currentTimeMillis();
    boolean duringFeed = !feedDone.getAsBoolean();
    victim.kill();
    victim.restart();
    int start = victim.starts();
    Poll.until(victim.instanceId() + " RUNNING after its restart", START_TIMEOUT, victim::running);
    long toRunning = (System.nanoTime() - killedAt) / 1_000_000;
    long toJvmUp = victim.firstClientAt().stream().map(t -> t - killedAtEpochMs).findFirst().orElse(-1);
    long toStarted = victim.streamsStartedAt().stream().map(t -> t - killedAtEpochMs).findFirst().orElse(-1);
    FaultRecord fault = new FaultRecord("streams", victim.instanceId(), atSeconds, gapSeconds, duringFeed, toJvmUp,
        toStarted, toRunning, -1);
    LOG.info("{}: {} SIGKILLed at {} s, RUNNING again after {} ms", options.label(), victim.instanceId(),
        String.format(Locale.ROOT, "%.1f", atSeconds), toRunning);
    return CompletableFuture.supplyAsync(() -> {
      // Progress: records processed and committed by the restarted JVM. When the feed is over and
      // nothing is left on the input there is nothing to process, and no time to report; a second
      // kill of the same instance ends the watch too.
      boolean[] progressed = {false};
      Poll.within(PROGRESS_TIMEOUT, () -> {
        if (victim.starts() != start) {
          return true;
        }
        progressed[0] = victim.committedProgress();
        return progressed[0] || (feedDone.getAsBoolean() && group.lag(Topics.RAW_CASE_COUNTS) == 0);
      });
      return fault.withProgress(progressed[0] ? (System.nanoTime() - killedAt) / 1_000_000 : -1);
    }, watchers);
  }

  /**
   * SIGKILL and restart of one node: the time until its own listener answers with the full
   * cluster, then until every partition has all replicas in sync again.
   */
  private FaultRecord killBroker(KraftCluster cluster, Admin admin, double atSeconds, double gapSeconds,
      BooleanSupplier feedDone) {
    int node = random.nextInt(KraftCluster.NODES);
    long killedAt = System.nanoTime();
    boolean duringFeed = !feedDone.getAsBoolean();
    cluster.kill(node);
    cluster.restart(node);
    cluster.awaitNodeServing(node, START_TIMEOUT);
    long serving = (System.nanoTime() - killedAt) / 1_000_000;
    cluster.awaitFullIsr(admin, START_TIMEOUT);
    long isrFull = (System.nanoTime() - killedAt) / 1_000_000;
    LOG.info("{}: broker node-{} SIGKILLed at {} s, serving after {} ms, ISR full after {} ms", options.label(),
        node + 1, String.format(Locale.ROOT, "%.1f", atSeconds), serving, isrFull);
    return new FaultRecord("broker", "node-" + (node + 1), atSeconds, gapSeconds, duringFeed, -1, serving,
        isrFull, -1);
  }

  /**
   * Caught up: both instances RUNNING, nothing left on the input, and the output and the group's
   * offsets unchanged for {@link #QUIET}.
   */
  private void awaitConvergence(List<StreamsProcess> instances, GroupProgress group) {
    Object[] last = new Object[1];
    long[] stableSince = {0};
    Poll.until("the pipeline to catch up and its output to stand still", options.convergeTimeout(), () -> {
      for (StreamsProcess instance : instances) {
        if (!instance.alive()) {
          throw new IllegalStateException("streams instance " + instance.instanceId()
              + " died on its own; see " + instance.log());
        }
      }
      if (!instances.stream().allMatch(StreamsProcess::running) || group.lag(Topics.RAW_CASE_COUNTS) > 0) {
        last[0] = null;
        return false;
      }
      Object snapshot = List.of(group.endOffsets(Topics.CITY_COUNTS_DAILY), group.committed());
      long now = System.nanoTime();
      if (!snapshot.equals(last[0])) {
        last[0] = snapshot;
        stableSince[0] = now;
        return false;
      }
      return now - stableSince[0] >= QUIET.toNanos();
    });
  }
}
