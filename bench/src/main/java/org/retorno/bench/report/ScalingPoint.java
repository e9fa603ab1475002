package org.retorno.bench.report;

/**
 * One rerun of the full topology in the scaling series: its shape, records/s, the stream
 * threads' CPU per record, and whether it caught up within its time budget.
 */
public record ScalingPoint(String varied, int cities, int threads, int years, long rows, long processed,
    double recordsPerSecond, double cpuMicrosPerRecord, boolean complete) {}
