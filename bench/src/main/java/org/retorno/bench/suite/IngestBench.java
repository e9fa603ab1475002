package org.retorno.bench.suite;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.SourceKind;
import org.retorno.bench.cluster.ProducerTuning;
import org.retorno.bench.data.RowShape;
import org.retorno.bench.data.SyntheticCorpus;
import org.retorno.bench.data.SyntheticRows;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.IngestOptions;
import org.retorno.ingest.Ingestor;
import org.retorno.ingest.SourceType;
import org.retorno.schemas.geo.BorderCity;

/**
 * Ingest as an operator runs it: files on disk read by {@link Ingestor} through parsing,
 * validation, Avro, the registry and an acks=all idempotent producer with the bench's batching.
 * Case-count rows are written as long-shape CSV tables of the eight real cities; documents as NGO
 * reports in plain text.
 *
 * <p>The rows are timed after the same ingestor has read as many rows of other sources: tens of
 * thousands of rows are too few for the JIT to finish compiling parser, validator and serializer
 * within the timed run (the first 50,000 rows cost two to three times the CPU of the next), while
 * the raw producer it is compared with runs millions of sends of one short loop.
 */
public final class IngestBench {
  /**
   * Rows and documents per second, and input MB/s, with what the ingestor counted as produced;
   * {@code coldRowSeconds} is how long the same number of rows took in the warm-up, the first
   * rows of the process; {@code rowCpuSeconds} the CPU time of the whole process (ingest, producer,
   * and the embedded broker) while the timed rows were ingested, which other processes' load on
   * the machine does not inflate.
   */
  public record Result(long rows, double rowSeconds, long rowInputBytes, long documents, double documentSeconds,
      long documentInputBytes, double coldRowSeconds, double rowCpuSeconds) {
    public double rowsPerSecond() {
      return rows / rowSeconds;
    }

    /** CPU time of the process per timed row, broker included. */
    public double cpuMicrosPerRow() {
      return rowCpuSeconds * 1e6 / rows;
    }

    /** The rows of the warm-up, per second: what the first rows of a fresh process get. */
    public double coldRowsPerSecond() {
      return rows / coldRowSeconds;
    }

    public double rowMegabytesPerSecond() {
      return rowInputBytes / 1e6 / rowSeconds;
    }

    public double documentsPerSecond() {
      return documents / documentSeconds;
    }

    public double documentMegabytesPerSecond() {
      return documentInputBytes / 1e6 / documentSeconds;
    }
  }

  private static final int ROW_FILES = 10;
  private static final int SENTENCES_PER_DOCUMENT = 40;

  private IngestBench() {}

  public static Result measure(Properties clientProperties, Path workDir, int rows, int documents)
      throws IOException {
    Path warmUp = Files.createDirectories(workDir.resolve("counts-warm-up"));
    writeTables(warmUp, rows, "Bench warm-up table ");
    Path tables = Files.createDirectories(workDir.resolve("counts"));
    long rowBytes = writeTables(tables, rows);
    Path reports = Files.createDirectories(workDir.resolve("reports"));
    long documentBytes = writeReports(reports, documents);
    Properties props = ProducerTuning.apply(clientProperties);
    try (Ingestor ingestor = Ingestor.connect(props)) {
      long started = System.nanoTime();
      requireAllProduced("warm-up rows", rows,
          ingestor.ingest(SourceType.COUNTS, List.of(warmUp), IngestOptions.defaults()));
      double coldRowSeconds = (System.nanoTime() - started) / 1e9;
      long cpuBefore = processCpuNanos();
      started = System.nanoTime();
      IngestAccount rowAccount = ingestor.ingest(SourceType.COUNTS, List.of(tables), IngestOptions.defaults());
      double rowSeconds = (System.nanoTime() - started) / 1e9;
      double rowCpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
      started = System.nanoTime();
      IngestAccount documentAccount = ingestor.ingest(SourceType.REPORTS, List.of(reports),
          new IngestOptions(SourceKind.NGO, "Bench NGO coalition", null, null, null));
      double documentSeconds = (System.nanoTime() - started) / 1e9;
      requireAllProduced("rows", rows, rowAccount);
      requireAllProduced("documents", documents, documentAccount);
      return new Result(rowAccount.produced(), rowSeconds, rowBytes, documentAccount.produced(),
          documentSeconds, documentBytes, coldRowSeconds, rowCpuSeconds);
    }
  }

  /** CPU time of this process, all threads; the JDK's own bean on every platform this runs on. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void requireAllProduced(String what, long expected, IngestAccount account) {
    if (account.produced() != expected) {
      throw new IllegalStateException("ingest bench: " + expected + " " + what + " written, but the account says "
          + account.summary());
    }
  }

  /**
   * Long-shape tables of the real cities, spread over several files. Each line names a source of
   * its own: two lines of one source for the same city, day and metric would be a conflict.
   */
  static long writeTables(Path dir, int rows) throws IOException {
    return writeTables(dir, rows, "Bench table ");
  }

  /** @param sourcePrefix each line's source is this and the line's index: other prefixes, other keys */
  static long writeTables(Path dir, int rows, String sourcePrefix) throws IOException {
    SyntheticRows synthetic = new SyntheticRows(new RowShape(rows, 8, 5, 17));
    long bytes = 0;
    int perFile = (rows + ROW_FILES - 1) / ROW_FILES;
    for (int file = 0; file * perFile < rows; file++) {
      Path path = dir.resolve(String.format("bench-table-%02d.csv", file));
      try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
        out.write("period_start,period_end,place,metric,value,semantics,source,source_url\n");
        for (int i = file * perFile; i < Math.min(rows, (file + 1) * perFile); i++) {
          CaseCountRow row = synthetic.row(i);
          out.write(row.getPeriodStart() + "," + row.getPeriodEnd() + "," + tableName(row) + ","
              + row.getCategory() + "," + row.getValue() + ",increment," + sourcePrefix + i + ","
              + row.getSourceUrl() + "\n");
        }
      }
      bytes += Files.size(path);
    }
    return bytes;
  }

  /**
   * A name ingest resolves to the row's city: "Nogales" alone is ambiguous (Arizona or Sonora) and
   * is rejected, so such a city is written with the first variant that names it alone.
   */
  static String tableName(CaseCountRow row) {
    BorderCity city = BorderCity.byGeonamesId(row.getPlace().getGeonamesId()).orElseThrow();
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(city.displayName()), city.foldedVariants().stream())
        .filter(name -> BorderCity.byName(name).filter(city::equals).isPresent())
        .findFirst()
        .map(name -> name.replace(",", ""))
        .orElseThrow(() -> new IllegalStateException("no name of " + city + " resolves to it alone"));
  }

  static long writeReports(Path dir, int documents) throws IOException {
    List<String> texts = new SyntheticCorpus(23).documents(documents, SENTENCES_PER_DOCUMENT);
    long bytes = 0;
    for (int i = 0; i < texts.size(); i++) {
      Path path = dir.resolve(String.format("bench-report-%04d.txt", i));
      Files.writeString(path, "Bench report " + i + "\n\n" + texts.get(i), StandardCharsets.UTF_8);
      bytes += Files.size(path);
    }
    return bytes;
  }
}
