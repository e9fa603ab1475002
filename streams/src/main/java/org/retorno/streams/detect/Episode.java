package org.retorno.streams.detect;

/**
 * One alert per episode: a run of alarming periods is one alert, opened by its first period,
 * updated while it lasts and closed by the first quiet period. Revising a period can open,
 * extend, shorten or withdraw an episode; the caller compares the episodes before and after.
 */
public enum Episode {
  /** No alarm now or before. */
  NONE,
  /** An alarm after a quiet period: a new alert. */
  OPENS,
  /** An alarm after an alarm: update the open alert (observed, score, event ids). */
  CONTINUES,
  /** No alarm after an alarm: the alert ends with the previous period. */
  ENDS;

  public static Episode of(boolean previousAlarm, boolean alarm) {
    if (alarm) {
      return previousAlarm ? CONTINUES : OPENS;
    }
    return previousAlarm ? ENDS : NONE;
  }
}
