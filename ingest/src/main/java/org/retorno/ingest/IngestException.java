package org.retorno.ingest;

/**
 * An ingest run that could not finish: an input that does not exist, or a record the broker did not
 * acknowledge. The message is one line naming the input; {@link #partialAccount()} tells what was
 * acknowledged before the failure.
 */
public class IngestException extends RuntimeException {
  private final transient IngestAccount partialAccount;

  public IngestException(String message, IngestAccount partialAccount, Throwable cause) {
    super(message, cause);
    this.partialAccount = partialAccount;
  }

  public IngestAccount partialAccount() {
    return partialAccount;
  }
}
