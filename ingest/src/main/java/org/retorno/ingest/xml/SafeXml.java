package org.retorno.ingest.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.retorno.ingest.InputRejectedException;
import org.retorno.ingest.Reason;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML with DTDs refused outright: no DOCTYPE means no external entity (XXE) and no
 * entity expansion (billion laughs). Feeds never need a DTD.
 */
public final class SafeXml {
  private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
  private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
  /**
   * Feeds nest a handful of levels; DOM methods such as getTextContent recurse, so a file nested
   * thousands deep would overflow the stack instead of being rejected.
   */
  static final int MAXIMUM_DEPTH = 256;

  private SafeXml() {}

  /**
   * @throws InputRejectedException {@link Reason#XML_DOCTYPE} for any DOCTYPE,
   *     {@link Reason#XML_MALFORMED} with line and column for anything else the parser refuses
   */
  public static Document parse(byte[] bytes) throws InputRejectedException {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      // Without a handler the JDK parser prints every fatal error to stderr as well.
      builder.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entity refused");
      });
      return builder.parse(new InputSource(new ByteArrayInputStream(bytes)));
    } catch (SAXParseException e) {
      if (isDoctype(e)) {
        throw new InputRejectedException(Reason.XML_DOCTYPE, "line " + e.getLineNumber(), null);
      }
      throw new InputRejectedException(Reason.XML_MALFORMED, position(e), oneLine(e.getMessage()));
    } catch (SAXException e) {
      throw new InputRejectedException(Reason.XML_MALFORMED, null, oneLine(e.getMessage()));
    } catch (IOException e) {
      // The parser reports undecodable bytes (a wrong declared encoding) as an I/O error.
      throw new InputRejectedException(Reason.XML_MALFORMED, null, "undecodable characters ("
          + e.getClass().getSimpleName() + ")");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature(DISALLOW_DOCTYPE, true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setAttribute(MAX_ELEMENT_DEPTH, Integer.toString(MAXIMUM_DEPTH));
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  /** The JDK names the feature in its message, in every locale. */
  private static boolean isDoctype(SAXParseException e) {
    return e.getMessage() != null && e.getMessage().contains(DISALLOW_DOCTYPE);
  }

  private static String position(SAXParseException e) {
    return e.getLineNumber() < 0 ? null : "line " + e.getLineNumber() + ", column " + e.getColumnNumber();
  }

  /**
   * Parser messages name markup, not content ("The element type "item" must be terminated ..."); one
   * line, and cut short so a pathological message cannot flood a log.
   */
  private static String oneLine(String message) {
    if (message == null) {
      return null;
    }
    String line = message.replaceAll("\\s+", " ").strip();
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}
