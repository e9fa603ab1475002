package org.retorno.ingest.news;

/**
 * One item as a feed or dump states it, before options, cleaning and keys are applied. Every field
 * is nullable.
 *
 * @param position "item 3", "entry 2", "line 7"
 * @param html body as HTML (feed descriptions, JSON {@code html})
 * @param plainText body as plain text (JSON {@code body}); wins over html when both are given
 */
record RawNewsItem(String position, String title, String url, String published, String outlet,
    String language, String html, String plainText) {}
