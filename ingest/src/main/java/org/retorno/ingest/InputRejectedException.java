package org.retorno.ingest;

/** A whole input (or the rest of it) rejected: thrown by readers, turned into one rejection. */
public class InputRejectedException extends Exception {
  private final Reason reason;
  private final String position;
  private final String detail;

  public InputRejectedException(Reason reason, String position, String detail) {
    super(reason.phrase() + (detail == null ? "" : ": " + detail), null, false, false);
    this.reason = reason;
    this.position = position;
    this.detail = detail;
  }

  public InputRejectedException(Reason reason) {
    this(reason, null, null);
  }

  public Reason reason() { return reason; }
  public String position() { return position; }
  public String detail() { return detail; }
}
