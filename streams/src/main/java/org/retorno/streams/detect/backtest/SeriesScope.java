package org.retorno.streams.detect.backtest;

/**
 * What one simulated series covers. Per city is what the topology watches; a harm type summed over
 * the border is the alternative for harms too sparse to watch per city: it finds a border-wide rise
 * (a wave of kidnappings along the border), and dilutes a rise in one city by the others' counts.
 */
public enum SeriesScope {
  /** One city's series, as the topology keeps them. */
  CITY,
  /** One series per category for all eight cities together. */
  BORDER
}
