package org.retorno.ingest.news;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.Reason;
import org.retorno.ingest.xml.SafeXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds, told apart by their root element. */
final class FeedReader {
  private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
  private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
  private static final String XML_NS = XMLConstants.XML_NS_URI;

  private FeedReader() {}

  static Feed read(byte[] bytes) throws InputRejectedException {
    Element root = SafeXml.parse(bytes).getDocumentElement();
    String rootName = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
    return switch (rootName.toLowerCase(Locale.ROOT)) {
      case "rss" -> rss(root, child(root, "channel"), "item");
      case "rdf" -> rss(root, child(root, "channel"), "item");
      case "feed" -> atom(root);
      default -> throw new InputRejectedException(Reason.NOT_A_FEED, null, "root element <" + rootName + ">");
    };
  }

  /** RSS 2.0 keeps items inside the channel; RSS 1.0 puts them beside it, under the root. */
  private static Feed rss(Element root, Element channel, String itemName) {
    List<Element> itemElements = new ArrayList<>(children(channel, itemName));
    itemElements.addAll(children(root, itemName));
    List<RawNewsItem> items = new ArrayList<>();
    for (int i = 0; i < itemElements.size(); i++) {
      Element item = itemElements.get(i);
      String content = text(child(item, CONTENT_NS, "encoded"));
      String html = isBlank(content) ? text(child(item, "description")) : content;
      String published = firstNonBlank(text(child(item, "pubDate")), text(child(item, DC_NS, "date")));
      String link = firstNonBlank(text(child(item, "link")), guidLink(child(item, "guid")));
      items.add(new RawNewsItem("item " + (i + 1), text(child(item, "title")), link, published,
          text(child(item, "source")), firstNonBlank(text(child(item, DC_NS, "language"))), html, null));
    }
    String feedLanguage = firstNonBlank(text(child(channel, "language")), text(child(channel, DC_NS, "language")));
    return new Feed(text(child(channel, "title")), feedLanguage, items);
  }

  private static Feed atom(Element feed) {
    List<Element> entries = children(feed, "entry");
    List<RawNewsItem> items = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Element entry = entries.get(i);
      Element content = child(entry, "content");
      String html = atomText(content);
      if (isBlank(html)) {
        html = atomText(child(entry, "summary"));
      }
      items.add(new RawNewsItem("entry " + (i + 1), atomText(child(entry, "title")), atomLink(entry),
          firstNonBlank(text(child(entry, "published")), text(child(entry, "updated"))),
          atomText(child(child(entry, "source"), "title")), lang(entry), html, null));
    }
    return new Feed(atomText(child(feed, "title")), lang(feed), items);
  }

  /** Atom text constructs: text and html carry their content as text; xhtml as markup to serialise. */
  private static String atomText(Element element) {
    if (element == null) {
      return null;
    }
    if ("xhtml".equalsIgnoreCase(element.getAttribute("type"))) {
      return serialise(element);
    }
    if ("text".equalsIgnoreCase(element.getAttribute("type"))) {
      // Plain text: escape nothing further, but keep "<" in the text from being read as markup.
      return element.getTextContent().replace("&", "&amp;").replace("<", "&lt;");
    }
    return element.getTextContent();
  }

  private static String atomLink(Element entry) {
    String fallback = null;
    for (Element link : children(entry, "link")) {
      String rel = link.getAttribute("rel");
      if (rel.isEmpty() || rel.equals("alternate")) {
        return link.getAttribute("href");
      }
      fallback = fallback == null ? link.getAttribute("href") : fallback;
    }
    return fallback;
  }

  private static String lang(Element element) {
    String lang = element.getAttributeNS(XML_NS, "lang");
    return lang.isEmpty() ? null : lang;
  }

  private static String guidLink(Element guid) {
    if (guid == null || "false".equalsIgnoreCase(guid.getAttribute("isPermaLink"))) {
      return null;
    }
    String value = text(guid);
    return value != null && value.startsWith("http") ? value : null;
  }

  private static String serialise(Element element) {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
        transformer.transform(new DOMSource(node), new StreamResult(out));
      }
      return out.toString();
    } catch (TransformerException e) {
      // Markup that cannot be written back out still has its text.
      return element.getTextContent();
    }
  }

  private static Element child(Element parent, String localName) {
    if (parent == null) {
      return null;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && localName.equals(localName(element))
          && !isForeign(element)) {
        return element;
      }
    }
    return null;
  }

  private static Element child(Element parent, String namespace, String localName) {
    if (parent == null) {
      return null;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && localName.equals(localName(element))
          && namespace.equals(element.getNamespaceURI())) {
        return element;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    if (parent == null) {
      return found;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && localName.equals(localName(element)) && !isForeign(element)) {
        found.add(element);
      }
    }
    return found;
  }

  private static String localName(Element element) {
    return element.getLocalName() == null ? element.getNodeName() : element.getLocalName();
  }

  /**
   * Extension modules (Dublin Core, content, media) reuse plain names like "title" or "date"; an
   * element is the feed's own when it has no namespace or the RSS 1.0, RDF or Atom one.
   */
  private static boolean isForeign(Element element) {
    String namespace = element.getNamespaceURI();
    return namespace != null && (namespace.equals(DC_NS) || namespace.equals(CONTENT_NS)
        || namespace.startsWith("http://search.yahoo.com/mrss"));
  }

  private static String text(Element element) {
    return element == null ? null : element.getTextContent();
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (!isBlank(value)) {
        return value.strip();
      }
    }
    return null;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
