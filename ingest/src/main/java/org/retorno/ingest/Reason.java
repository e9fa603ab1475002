package org.retorno.ingest;

/**
 * Why an input was rejected. The phrase is what operators see and what {@link IngestAccount}
 * groups by; it never contains any of the rejected content.
 */
public enum Reason {
  // whole files
  UNSUPPORTED_FILE_TYPE("unsupported file type"),
  UNREADABLE_FILE("unreadable file"),
  FILE_TOO_LARGE("file too large"),
  TYPE_MISMATCH("content does not match the file extension"),
  DECOMPRESSION_BOMB("decompression bomb"),
  EMPTY_FILE("empty file"),
  BINARY_CONTENT("binary content, not text"),
  PARSER_FAILURE("unexpected parser failure"),
  // XML feeds
  XML_DOCTYPE("DOCTYPE refused (DTDs and entities are not accepted)"),
  XML_MALFORMED("not well-formed XML"),
  NOT_A_FEED("not an RSS or Atom feed"),
  // news items and reports
  NO_TEXT("no text"),
  MALFORMED_JSON("malformed JSON line"),
  PDF_UNREADABLE("not a readable PDF"),
  PDF_ENCRYPTED("encrypted PDF"),
  PDF_TOO_MANY_PAGES("too many PDF pages"),
  // case-count tables
  MISSING_COLUMNS("missing columns"),
  MALFORMED_CSV("malformed CSV"),
  MISSING_MAPPING("missing mapping file"),
  INVALID_MAPPING("invalid mapping file"),
  MISSING_DECLARATION("missing table declaration"),
  INVALID_DECLARATION("invalid table declaration"),
  UNMAPPED_COLUMN("unmapped column"),
  CONFLICTING_ROW("conflicting duplicate row"),
  WRONG_FIELD_COUNT("wrong number of fields"),
  MISSING_VALUE("missing value"),
  INVALID_DATE("invalid date"),
  PERIOD_END_BEFORE_START("period end before start"),
  FUTURE_DATE("date in the future"),
  UNKNOWN_PLACE("unknown place"),
  UNKNOWN_METRIC("unknown metric"),
  NON_NUMERIC_VALUE("non-numeric value"),
  AMBIGUOUS_NUMBER("ambiguous thousands separator"),
  NEGATIVE_VALUE("negative value"),
  UNKNOWN_SEMANTICS("unknown semantics");

  private final String phrase;

  Reason(String phrase) {
    this.phrase = phrase;
  }

  public String phrase() { return phrase; }
}
