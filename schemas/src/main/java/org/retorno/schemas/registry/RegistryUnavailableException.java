package org.retorno.schemas.registry;

/** No registry URL gave an HTTP answer (connection refused, timeout, interrupted). */
public class RegistryUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
