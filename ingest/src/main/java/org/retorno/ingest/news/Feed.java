package org.retorno.ingest.news;

import java.util.List;

/** A feed's own title and language, which its items inherit, and its items. */
record Feed(String title, String language, List<RawNewsItem> items) {}
