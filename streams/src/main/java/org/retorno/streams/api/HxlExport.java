package org.retorno.streams.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.retorno.avro.Category;
import org.retorno.schemas.geo.BorderCity;

/**
 * Counts as CSV for spreadsheets and HDX: a header row, then the HXL hashtag row analysts' tools
 * read, then one row per city, period and category. Public exports carry the suppressed display
 * ("<5") and no sources for hidden cells, since a linked article would state the hidden figure.
 */
final class HxlExport {
  static final List<String> HEADERS = List.of("Period start", "First reported", "Country", "State",
      "Municipality", "City", "Latitude", "Longitude", "Category", "People", "People abducted",
      "Sources", "Source URLs");
  static final List<String> HASHTAGS = List.of("#date+occurred", "#date+reported", "#country+code",
      "#adm1+code", "#adm2+code", "#loc+name", "#geo+lat", "#geo+lon", "#event+type", "#affected+ind",
      "#affected+abducted+ind", "#meta+source", "#meta+url");

  private final ClaimIndex claims;

  HxlExport(ClaimIndex claims) {
    this.claims = claims;
  }

  String csv(List<CountsService.Shown> rows, Set<Category> categories) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(HEADERS);
      printer.printRecord(HASHTAGS);
      for (CountsService.Shown shown : rows) {
        for (CountsService.ShownCell cell : shown.cells()) {
          if (categories.contains(cell.category())) {
            printer.printRecord(row(shown.row(), cell).stream().map(SpreadsheetSafe::escape).toList());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private List<String> row(CountRow row, CountsService.ShownCell cell) {
    Optional<BorderCity> city = BorderCity.byGeonamesId(row.cityId());
    boolean hidden = cell.shown().hidden();
    List<ClaimView> behind = hidden ? List.of() : claims.all(cell.exact().claimIds());
    Set<String> names = new LinkedHashSet<>();
    Set<String> urls = new LinkedHashSet<>();
    LocalDate firstReported = null;
    for (ClaimView claim : behind) {
      names.add(claim.sourceName());
      if (claim.sourceUrl() != null) {
        urls.add(claim.sourceUrl());
      }
      if (claim.reportDate() != null && (firstReported == null || claim.reportDate().isBefore(firstReported))) {
        firstReported = claim.reportDate();
      }
    }
    List<String> values = new ArrayList<>();
    values.add(row.periodStart().toString());
    values.add(firstReported == null ? "" : firstReported.toString());
    values.add("MX");
    values.add(row.admin1Code());
    values.add(city.map(BorderCity::inegiCode).orElse(""));
    values.add(row.cityName());
    values.add(city.map(c -> Double.toString(c.latitude())).orElse(""));
    values.add(city.map(c -> Double.toString(c.longitude())).orElse(""));
    values.add(cell.category().name());
    values.add(cell.shown().display());
    values.add(cell.category() == Category.KIDNAPPING ? cell.shown().display() : "");
    values.add(String.join("; ", names));
    values.add(String.join(" ", urls));
    return values;
  }
}
