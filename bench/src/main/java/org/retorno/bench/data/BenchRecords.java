package org.retorno.bench.data;

import java.time.LocalDate;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.retorno.avro.Claim;
import org.retorno.streams.extract.ClaimExtractor;
import org.retorno.streams.extract.SourceDocument;
import org.retorno.avro.SourceKind;

/** One typical record of each kind the serde benchmarks encode. */
public final class BenchRecords {
  private static final String REPORT = "On 9 July 2019, about 70 asylum seekers returned to Ciudad Juárez under the"
      + " Migrant Protection Protocols were bused to Honduras by IOM.";

  private BenchRecords() {}

  public static SpecificRecord byName(String name) {
    return switch (name) {
      case "CaseCountRow" -> new SyntheticRows(new RowShape(1, 8, 1, 3)).row(0);
      case "Claim" -> claim();
      default -> throw new IllegalArgumentException("bench records: no record named '" + name
          + "' (CaseCountRow or Claim)");
    };
  }

  /** A claim as the extractor makes it from one sentence of a report. */
  static Claim claim() {
    List<Claim> claims = new ClaimExtractor().extract(new SourceDocument("bench-report", SourceKind.NGO,
        "Bench NGO coalition", "https://example.org/bench/report", "en", null, REPORT, LocalDate.of(2019, 7, 30)));
    if (claims.isEmpty()) {
      throw new IllegalStateException("bench records: the extractor found no claim in the bench sentence");
    }
    return claims.get(0);
  }
}
