/**
 * Spike detection: pure Java, no Kafka. The topology calls it per series (one city, one category,
 * one granularity) and period.
 *
 * <p>Methods ({@link org.retorno.streams.detect.SpikeMethod}, made by
 * {@link org.retorno.streams.detect.SpikeMethods#parse} from a spec such as {@code c2:min-sigma=1}):
 * <ul>
 *   <li>{@code c1}, {@code c2}, {@code c3}: EARS exactly as R's {@code surveillance::earsC}
 *   (1.20.3), held against R by golden vectors ({@code tools/r/golden.R}). R's C3 leaves the
 *   current period's own deviation out; {@code c3-cdc} is the CDC's published C3, which keeps it.</li>
 *   <li>{@code cusum}: the Poisson / negative-binomial likelihood-ratio CUSUM of R's
 *   {@code surveillance::glrnb} with a known shift, over a rolling in-control mean.</li>
 * </ul>
 *
 * <p>Per series and period the topology:
 * <ol>
 *   <li>skips coverage: {@link org.retorno.streams.detect.AlertRules#spikeCategory} is empty for it;</li>
 *   <li>takes the method from {@link org.retorno.streams.detect.DetectionConfig#method(org.retorno.avro.Category,
 *   org.retorno.avro.Granularity)};</li>
 *   <li>calls {@link org.retorno.streams.detect.SeriesJudge#judge} with the counts it keeps (the
 *   method's {@code history()} periods before the period, plus the provisional ones), the index
 *   of the first active period and the previous verdict's {@code carry()}: NEW_LOCATION gives a
 *   {@code NEW_LOCATION} alert, an ESTABLISHED alarm a {@code SPIKE};</li>
 *   <li>keeps one alert per episode ({@link org.retorno.streams.detect.Episode}) and, when late
 *   data revises a period, re-judges from it with {@link org.retorno.streams.detect.SeriesJudge#replay}.</li>
 * </ol>
 *
 * <p>{@code backtest} simulates series with injected spikes to compare methods and chose the
 * defaults ({@code retorno backtest}), against the oracle bound of the most powerful test with the
 * base rate known ({@code backtest.OracleBound}); {@code retorno detect} runs any method on a CSV series.
 */
package org.retorno.streams.detect;
