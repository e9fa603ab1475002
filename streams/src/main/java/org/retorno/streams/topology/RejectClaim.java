package org.retorno.streams.topology;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.retorno.avro.Claim;
import org.retorno.avro.RejectedClaim;

/**
 * Wraps a claim that cannot be placed in time with its reason, and counts it in the metric
 * {@code retorno-rejected-claims-total} (tag {@code retorno-claims-id=rejected}), which
 * {@code /metrics} exports, so operators see rejections rise.
 */
final class RejectClaim implements FixedKeyProcessor<String, Claim, RejectedClaim> {
  private final ClaimDates dates;
  private final PipelineListener listener;
  private FixedKeyProcessorContext<String, RejectedClaim> context;
  private Sensor rejected;

  RejectClaim(ClaimDates dates, PipelineListener listener) {
    this.dates = dates;
    this.listener = listener;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, RejectedClaim> context) {
    this.context = context;
    this.rejected = context.metrics().addRateTotalSensor("retorno-claims", "rejected", "rejected-claims",
        Sensor.RecordingLevel.INFO);
  }

  @Override
  public void process(FixedKeyRecord<String, Claim> record) {
    rejected.record();
    listener.lateClaim();
    String reason = dates.rejection(record.value()).orElse("rejected");
    context.forward(record.withValue(new RejectedClaim(record.value(), reason)));
  }
}
