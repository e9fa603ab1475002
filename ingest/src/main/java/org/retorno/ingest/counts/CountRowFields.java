package org.retorno.ingest.counts;

/**
 * The cells of one count as a table states it, whatever the table's shape: the long shape has one
 * count per row; a wide shape (a column per month or per place) yields several per row.
 */
record CountRowFields(String periodStart, String periodEnd, String place, String metric, String value,
    String semantics, String source, String sourceUrl) {}
