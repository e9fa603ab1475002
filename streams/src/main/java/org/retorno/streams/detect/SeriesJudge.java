package org.retorno.streams.detect;

/**
 * What the topology calls per series (one city, one category, one granularity) and period: the
 * history rule first ({@link HistoryRule}), then the method. State to keep per series: the counts
 * of the last {@link SpikeMethod#history()} periods (plus those still provisional, to re-judge
 * them), the index of the first active period, and the {@link Verdict#carry()} of the last judged
 * period. A revised period is judged again from the carry of the period before it, and so is
 * every later period ({@link #replay}).
 */
public final class SeriesJudge {
  private final SpikeMethod method;

  public SeriesJudge(SpikeMethod method) {
    this.method = method;
  }

  public SpikeMethod method() {
    return method;
  }

  /**
   * The verdict on one period.
   *
   * @param status what the history rule says
   * @param evaluation the method's evaluation when ESTABLISHED, otherwise null
   */
  public record Verdict(HistoryRule.Status status, Evaluation evaluation) {

    /** A statistical alarm; NEW_LOCATION is its own event, never an alarm. */
    public boolean alarm() {
      return evaluation != null && evaluation.alarm();
    }

    /** What the next period starts from: a chart starts at 0 on its first established period. */
    public double carry() {
      return evaluation == null ? 0 : evaluation.carry();
    }
  }

  /**
   * Judges period {@code t}.
   *
   * @param counts the series, oldest first (at least the method's history before {@code t})
   * @param firstActive index in {@code counts} of the first period with a count above 0 before {@code t},
   *     {@link HistoryRule#NEVER_ACTIVE} if none; negative when activation is older than the counts kept
   * @param carry the previous period's {@link Verdict#carry()}
   */
  public Verdict judge(double[] counts, int t, int firstActive, double carry) {
    HistoryRule.Status status = HistoryRule.status(firstActive, t, counts[t], method.history());
    return new Verdict(status, status == HistoryRule.Status.ESTABLISHED ? method.evaluate(counts, t, carry) : null);
  }

  /** Judges periods {@code from} to the end, as after a revision of period {@code from}. */
  public Verdict[] replay(double[] counts, int from, double carryBefore) {
    Verdict[] verdicts = new Verdict[counts.length - from];
    double carry = carryBefore;
    for (int t = from; t < counts.length; t++) {
      verdicts[t - from] = judge(counts, t, HistoryRule.firstActive(counts, t), carry);
      carry = verdicts[t - from].carry();
    }
    return verdicts;
  }

  /**
   * The verdicts {@code replay(counts, 0, 0)} gives, reusing those of an earlier replay up to the
   * first period whose count differs: a period's verdict reads only the counts up to it and the
   * carry of the period before. A revision of the latest period re-judges that period alone.
   *
   * @param previousCounts the counts of the earlier replay
   * @param previous its verdicts, one per element of {@code previousCounts}
   */
  public Verdict[] replay(double[] counts, double[] previousCounts, Verdict[] previous) {
    int limit = Math.min(counts.length, previousCounts.length);
    int same = 0;
    while (same < limit && Double.compare(counts[same], previousCounts[same]) == 0) {
      same++;
    }
    Verdict[] verdicts = new Verdict[counts.length];
    System.arraycopy(previous, 0, verdicts, 0, same);
    double carry = same == 0 ? 0 : previous[same - 1].carry();
    for (int t = same; t < counts.length; t++) {
      verdicts[t] = judge(counts, t, HistoryRule.firstActive(counts, t), carry);
      carry = verdicts[t].carry();
    }
    return verdicts;
  }
}
