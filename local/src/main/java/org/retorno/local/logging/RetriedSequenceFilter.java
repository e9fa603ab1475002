package org.retorno.local.logging;

import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.filter.AbstractFilter;

/**
 * Drops the embedded broker's ERROR for a transactional batch that reached a partition ahead of
 * the transaction's first one. With transactions v2 the broker rejects any sequence but 0 until
 * the partition has the producer's state, as a retriable error (KAFKA-18202), and the producer
 * sends the batch again; nothing is lost. The broker still logs it with a stack trace, a dozen
 * times as the streams app starts, which reads like a failure to whoever runs the demo.
 */
@Plugin(name = "RetriedSequenceFilter", category = Node.CATEGORY, elementType = Filter.ELEMENT_TYPE, printObject = true)
public final class RetriedSequenceFilter extends AbstractFilter {
  static final String EXCEPTION = "org.apache.kafka.common.errors.OutOfOrderSequenceException";
  static final String RETRIED = "Expected sequence 0 for transactions v2 idempotent producer with no existing state";

  private RetriedSequenceFilter() {
    super(Result.DENY, Result.NEUTRAL);
  }

  @PluginFactory
  public static RetriedSequenceFilter create() {
    return new RetriedSequenceFilter();
  }

  @Override
  public Result filter(LogEvent event) {
    Throwable thrown = event.getThrown();
    return thrown != null && EXCEPTION.equals(thrown.getClass().getName())
        && thrown.getMessage() != null && thrown.getMessage().contains(RETRIED) ? onMatch : onMismatch;
  }
}
