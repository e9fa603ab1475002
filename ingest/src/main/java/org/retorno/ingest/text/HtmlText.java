package org.retorno.ingest.text;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML reduced to text for claim extraction: every paragraph (or other block) on its own line,
 * inline markup dropped without breaking sentences, scripts and styles removed.
 */
public final class HtmlText {
  private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z][^>]*>");

  private HtmlText() {}

  /** Text of an HTML fragment or document, or of plain text that only escapes entities. */
  public static String toText(String htmlOrText) {
    if (!TAG.matcher(htmlOrText).find()) {
      // Plain text (RSS descriptions often are): its own line breaks are its paragraphs.
      return tidyLines(Parser.unescapeEntities(htmlOrText, false));
    }
    Document document = Jsoup.parse(htmlOrText);
    return bodyText(document);
  }

  /** Text of a parsed document's body. */
  public static String bodyText(Document document) {
    document.select("script, style, noscript, template").remove();
    return elementText(document.body());
  }

  /** One line of text, for titles. */
  public static String toLine(String htmlOrText) {
    return toText(htmlOrText).replaceAll("\\s+", " ").strip();
  }

  private static String elementText(Element root) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          out.append(text.getWholeText().replaceAll("\\s+", " "));
        } else if (node instanceof Element element) {
          if (element.nameIs("br") || element.isBlock()) {
            out.append('\n');
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element) {
          if (element.isBlock()) {
            out.append('\n');
          } else if (element.nameIs("td") || element.nameIs("th")) {
            out.append(' ');
          }
        }
      }
    }, root);
    return tidyLines(out.toString());
  }

  /** Lines trimmed, inner whitespace collapsed, blank lines dropped. */
  public static String tidyLines(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\\R")) {
      String tidy = line.replaceAll("[\\s\\u00a0]+", " ").strip();
      if (!tidy.isEmpty()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(tidy);
      }
    }
    return out.toString();
  }
}
