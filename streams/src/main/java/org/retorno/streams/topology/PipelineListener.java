package org.retorno.streams.topology;

import java.util.function.Supplier;
import org.retorno.avro.AlertSeverity;
import org.retorno.avro.Category;

/**
 * What the topology tells operators about its work, for metrics. Every method does nothing by
 * default, so tests and tools that do not watch pay nothing.
 */
public interface PipelineListener {
  PipelineListener NONE = new PipelineListener() {};

  default void documentRead(String kind) {}

  default void claimExtracted(Category category) {}

  default void eventPublished(Category category) {}

  default void lateClaim() {}

  default void alertRaised(AlertSeverity severity) {}

  /** A record sent to the dead-letter topic; reason is a fixed word such as "null-key". */
  default void deadLetter(String reason) {}

  default <T> T timeExtraction(Supplier<T> extraction) {
    return extraction.get();
  }
}
