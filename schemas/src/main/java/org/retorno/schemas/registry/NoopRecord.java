package org.retorno.schemas.registry;

/**
 * A marker the registry writes and waits to read back, so that a read after a write sees the write.
 * It changes no state.
 */
public record NoopRecord() implements RegistryRecord {
  public static final NoopRecord INSTANCE = new NoopRecord();

  @Override
  public String keyJson() {
    return "{\"keytype\":\"NOOP\",\"magic\":0}";
  }

  @Override
  public String valueJson() {
    return null;
  }
}
