package org.retorno.ingest.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.retorno.ingest.IngestAccount;
import org.retorno.ingest.NotSent;
import org.retorno.ingest.Rejected;
import org.retorno.ingest.SourceType;

/**
 * The {@code --report FILE} of a run, as JSON: the account, every rejection with its file, position,
 * stage and reason, and what Kafka did not acknowledge. Reasons never quote input content, so the
 * report is as safe to share as the log. Written to a temporary file and moved into place, so a
 * reader (or a watched inbox's next poll) never sees half a report.
 *
 * <pre>
 * {"type":"counts","complete":true,"summary":"read 9, ...","read":9,"produced":7,"duplicates":1,
 *  "rejected":1,"notSent":0,"rejectedByReason":{"unknown place":1},
 *  "rejections":[{"source":"t.csv","position":"line 3","stage":"ingest-counts","reason":"unknown place","detail":null}],
 *  "notSentRecords":[]}
 * </pre>
 */
public final class IngestReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private IngestReport() {}

  /** @param complete false when the run stopped because Kafka did not acknowledge records */
  public static void write(Path file, SourceType type, IngestAccount account, boolean complete) {
    Map<String, Object> report = new java.util.LinkedHashMap<>();
    report.put("type", type.label());
    report.put("complete", complete);
    report.put("summary", account.summary());
    report.put("read", account.read());
    report.put("produced", account.produced());
    report.put("duplicates", account.duplicates());
    report.put("rejected", account.rejected());
    report.put("notSent", account.notSentItems());
    report.put("rejectedByReason", account.rejectedByReason());
    report.put("rejections", rejections(account.rejections()));
    report.put("notSentRecords", notSent(account.notSent()));
    try {
      Path absolute = file.toAbsolutePath();
      Path directory = absolute.getParent();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
      JSON.writeValue(temporary.toFile(), report);
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static List<Map<String, Object>> rejections(List<Rejected> rejections) {
    return rejections.stream().map(rejected -> {
      Map<String, Object> entry = new java.util.LinkedHashMap<>();
      entry.put("source", rejected.source());
      entry.put("position", rejected.position());
      entry.put("stage", rejected.stage());
      entry.put("reason", rejected.reason());
      entry.put("detail", rejected.detail());
      return entry;
    }).toList();
  }

  private static List<Map<String, Object>> notSent(List<NotSent> notSent) {
    return notSent.stream().map(item -> {
      Map<String, Object> entry = new java.util.LinkedHashMap<>();
      entry.put("source", item.source());
      entry.put("position", item.position());
      entry.put("topic", item.topic());
      entry.put("error", item.error());
      return entry;
    }).toList();
  }
}
