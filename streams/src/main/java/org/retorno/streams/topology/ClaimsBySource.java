package org.retorno.streams.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.retorno.avro.CaseCountRow;
import org.retorno.avro.Claim;
import org.retorno.avro.NewsArticle;
import org.retorno.avro.NgoReport;
import org.retorno.avro.SourceClaims;
import org.retorno.streams.extract.ClaimExtractor;
import org.retorno.streams.extract.SourceDocument;

/**
 * Reads each source (article, report, table row) into claims and remembers what it stated. When a
 * source is withdrawn (a tombstone on its raw topic) or re-read with a different result (a new
 * extractor version), the claims it no longer states are sent on as retracted, so they leave their
 * events and the counts instead of lingering; so is the earlier version of a claim restated where
 * its event cannot find it ({@link #leavesItsEvent}).
 */
final class ClaimsBySource implements Processor<String, SpecificRecord, String, Claim> {
  private final ClaimExtractor extractor;
  private final PipelineListener listener;
  private ProcessorContext<String, Claim> context;
  private KeyValueStore<String, SourceClaims> store;

  ClaimsBySource(ClaimExtractor extractor, PipelineListener listener) {
    this.extractor = extractor;
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<String, Claim> context) {
    this.context = context;
    this.store = context.getStateStore(Names.SOURCE_CLAIMS_STORE);
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    String sourceId = record.key();
    if (sourceId == null) {
      // ClaimsStage diverts these to the dead-letter topic; one arriving here is a wiring fault, and
      // the processing-error handler, not silence, must deal with it.
      throw new IllegalArgumentException("raw record without a source id as key");
    }
    List<Claim> current = record.value() == null ? List.of() : claimsOf(record.value());
    Set<String> currentIds = new HashSet<>();
    current.forEach(claim -> currentIds.add(claim.getId()));
    SourceClaims previous = store.get(sourceId);
    Map<String, Claim> before = new HashMap<>();
    if (previous != null) {
      for (Claim old : previous.getClaims()) {
        if (!currentIds.contains(old.getId())) {
          forwardRetraction(record, old);
        } else {
          before.put(old.getId(), old);
        }
      }
    }
    for (Claim claim : current) {
      Claim old = before.get(claim.getId());
      if (old != null && leavesItsEvent(old, claim)) {
        forwardRetraction(record, old);
      }
      listener.claimExtracted(claim.getCategory());
      context.forward(record.withKey(claim.getId()).withValue(claim));
    }
    if (current.isEmpty()) {
      store.delete(sourceId);
    } else {
      store.put(sourceId, new SourceClaims(new ArrayList<>(current)));
    }
  }

  private void forwardRetraction(Record<String, SpecificRecord> record, Claim old) {
    Claim retracted = Claim.newBuilder(old).setRetracted(true).build();
    context.forward(record.withKey(retracted.getId()).withValue(retracted));
  }

  /**
   * Whether a restated claim can no longer replace its earlier version inside its event, so the
   * earlier one must be retracted first: a figure that stops being countable (corrected to 0)
   * never reaches the resolver, a date corrected by more than a week is looked for only near the
   * new date, and a claim moved to another city or category is resolved in another partition.
   * Events of different cities and categories never share an id ({@link EventResolver#eventIdFor}),
   * so the retraction and the restated claim may reach their partitions in either order.
   */
  static boolean leavesItsEvent(Claim old, Claim restated) {
    if (!Countable.isCountable(old)) {
      return false;
    }
    if (!Countable.isCountable(restated)
        || !Countable.cityCategoryKey(old).equals(Countable.cityCategoryKey(restated))) {
      return true;
    }
    return Math.abs(EventResolver.weekOf(EventMembership.memberOf(old))
        - EventResolver.weekOf(EventMembership.memberOf(restated))) > 1;
  }

  private List<Claim> claimsOf(SpecificRecord raw) {
    if (raw instanceof CaseCountRow row) {
      listener.documentRead("case-count-row");
      return List.of(CaseCountClaims.toClaim(row));
    }
    SourceDocument document;
    if (raw instanceof NewsArticle article) {
      document = SourceDocuments.fromNews(article);
    } else if (raw instanceof NgoReport report) {
      document = SourceDocuments.fromReport(report);
    } else {
      throw new IllegalArgumentException("not a source record: " + raw.getClass().getSimpleName());
    }
    listener.documentRead(raw instanceof NewsArticle ? "news" : "report");
    long fingerprint = TextFingerprint.of(document.text());
    List<Claim> claims = new ArrayList<>();
    for (Claim claim : listener.timeExtraction(() -> extractor.extract(document))) {
      claim.setSourceFingerprint(fingerprint);
      claims.add(claim);
    }
    return claims;
  }
}
