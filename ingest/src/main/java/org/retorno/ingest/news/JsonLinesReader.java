package org.retorno.ingest.news;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.function.Consumer;
import org.retorno.ingest.IngestSettings;
import org.retorno.ingest.ItemSink;
import org.retorno.ingest.Reason;

/**
 * JSON Lines dumps: one object a line with {@code url}, {@code title}, {@code published},
 * {@code outlet}, {@code lang} and {@code body} (plain text) or {@code html}. A line that is not a
 * JSON object is rejected on its own; the other lines are read.
 */
final class JsonLinesReader {
  /**
   * Lines come from anyone's dump: an item is a flat object, so deep nesting is refused early, and
   * no line or string may be longer than the largest file ingest reads at all.
   */
  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(32)
          .maxDocumentLength(IngestSettings.DEFAULT_MAX_FILE_BYTES)
          .maxStringLength((int) IngestSettings.DEFAULT_MAX_FILE_BYTES)
          .build())
      .build()).build();

  private JsonLinesReader() {}

  static void read(String text, Consumer<RawNewsItem> items, ItemSink sink) {
    // Only \n (or \r\n) ends a line: JSON strings may hold U+2028 and other separators unescaped.
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String position = "line " + (i + 1);
      if (lines[i].isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(lines[i]);
      } catch (StreamConstraintsException e) {
        // This message names the limit and the size, never the content.
        sink.reject(position, Reason.MALFORMED_JSON, e.getOriginalMessage());
        continue;
      } catch (JsonProcessingException e) {
        // Jackson's message quotes the offending token; only the column is safe to keep.
        sink.reject(position, Reason.MALFORMED_JSON, e.getLocation() == null ? "unreadable"
            : "column " + e.getLocation().getColumnNr());
        continue;
      }
      if (node == null || !node.isObject()) {
        sink.reject(position, Reason.MALFORMED_JSON, "not a JSON object");
        continue;
      }
      items.accept(new RawNewsItem(position, field(node, "title"), field(node, "url"), field(node, "published"),
          field(node, "outlet"), field(node, "lang"), field(node, "html"), field(node, "body")));
    }
  }

  private static String field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
  }
}
