package org.retorno.streams.detect.backtest;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** Seeded Poisson and negative-binomial (gamma-Poisson) draws. */
final class CountSampler {
  private final RandomGenerator random;

  CountSampler(long seed) {
    this.random = new Well19937c(seed);
  }

  /** One count with this mean; negative binomial with Var = mean + dispersion * mean^2 when dispersion > 0. */
  double draw(double mean, double dispersion) {
    if (mean <= 0) {
      return 0;
    }
    double rate = mean;
    if (dispersion > 0) {
      rate = new GammaDistribution(random, 1 / dispersion, dispersion * mean).sample();
      if (rate <= 0) {
        return 0;
      }
    }
    return new PoissonDistribution(random, rate, PoissonDistribution.DEFAULT_EPSILON,
        PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
  }

  /** A whole period index in [from, to). */
  int index(int from, int to) {
    return from + random.nextInt(to - from);
  }

  /** A seed for one series from the run's seed: each series its own stream, whatever the order of work. */
  static long seedFor(long runSeed, long... parts) {
    long seed = runSeed;
    for (long part : parts) {
      seed = mix(seed ^ mix(part + 0x9E3779B97F4A7C15L));
    }
    return seed;
  }

  private static long mix(long z) {
    // SplitMix64's finaliser.
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
