package dev.funclab.standins.speech;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the text to speak out of an SSML document: {@code <speak>} holding {@code <voice name="...">}
 * elements, whose text is spoken (nested {@code prosody}, {@code emphasis}, {@code say-as}... keep
 * their text; {@code sub} speaks its {@code alias}). The parser refuses any DOCTYPE, so external
 * entities (XXE) and entity bombs cannot get in.
 */
final class Ssml {

    /** Azure's limit of {@code <voice>} elements in one document. */
    static final int MAX_VOICES = 50;
    /** Elements that separate words: a pause, a paragraph, a sentence. */
    private static final Set<String> BREAKS = Set.of("break", "p", "s", "bookmark", "silence");
    private static final String EXAMPLE = "<speak version='1.0' xml:lang='en-US'><voice name='en-US-JennyNeural'>Hello</voice></speak>";

    /** The text of one {@code <voice>}, whitespace collapsed; {@code voice} is the name as written. */
    record Segment(String voice, String text) {
    }

    /** The document is not SSML the stand-in can speak; the message says what is wrong. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private Ssml() {
    }

    /** The voices of {@code ssml} in document order (empty ones included: the caller decides about "no text"). */
    static List<Segment> parse(byte[] ssml) throws Invalid {
        Element speak = document(ssml).getDocumentElement();
        if (!"speak".equals(name(speak))) {
            throw new Invalid("The root element is <" + speak.getTagName() + ">, expected <speak>. Send SSML such as " + EXAMPLE);
        }
        List<Segment> segments = new ArrayList<>();
        collect(speak, segments);
        if (segments.size() > MAX_VOICES) {
            throw new Invalid("The SSML has " + segments.size() + " <voice> elements; at most " + MAX_VOICES
                    + " are allowed in one request. Split the text into several requests.");
        }
        return segments;
    }

    /** Walks the document outside any voice: only voices may hold text there. */
    private static void collect(Node parent, List<Segment> segments) throws Invalid {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isText(child) && !child.getNodeValue().isBlank()) {
                throw new Invalid("The text '" + shorten(collapse(child.getNodeValue())) + "' is outside any <voice>. "
                        + "Put the text to speak inside <voice name='...'>...</voice>, as in " + EXAMPLE);
            }
            if (child instanceof Element element) {
                if ("voice".equals(name(element))) {
                    String voice = element.getAttribute("name");
                    if (voice.isBlank()) {
                        throw new Invalid("A <voice> element has no name attribute. Name a voice: <voice name='en-US-JennyNeural'>.");
                    }
                    StringBuilder text = new StringBuilder();
                    spoken(element, text);
                    segments.add(new Segment(voice.trim(), collapse(text.toString())));
                } else {
                    collect(element, segments);
                }
            }
        }
    }

    /** The text a voice speaks: all text inside it, with {@code sub} replaced by its alias. */
    private static void spoken(Element voice, StringBuilder text) throws Invalid {
        for (Node child = voice.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isText(child)) {
                text.append(child.getNodeValue());
            } else if (child instanceof Element element) {
                String name = name(element);
                if ("voice".equals(name)) {
                    throw new Invalid("A <voice> is inside another <voice>; put the voices one after another in <speak>.");
                }
                if ("sub".equals(name) && element.hasAttribute("alias")) {
                    text.append(element.getAttribute("alias"));
                } else if (BREAKS.contains(name)) {
                    text.append(' ');
                    spoken(element, text);
                    text.append(' ');
                } else {
                    spoken(element, text); // inline, like <emphasis> in the middle of a word: no space added
                }
            }
        }
    }

    private static Document document(byte[] ssml) throws Invalid {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new Strict());
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return builder.parse(new InputSource(new ByteArrayInputStream(ssml)));
        } catch (SAXParseException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "DOCTYPE declarations are not allowed in SSML" : e.getMessage();
            throw new Invalid("The SSML is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + "): " + reason);
        } catch (SAXException e) {
            throw new Invalid("The SSML could not be read: " + e.getMessage());
        } catch (IOException e) {
            throw new Invalid("The SSML could not be read: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a security feature: " + e.getMessage(), e);
        }
    }

    /**
     * The JDK's own parser (not whatever the class path brings), namespace aware, with every door
     * for outside content shut: no DOCTYPE at all, no external entities or DTDs, no XInclude.
     */
    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static String name(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static boolean isText(Node node) {
        return node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE;
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** Errors end the parse instead of going to stderr as "[Fatal Error]". */
    private static final class Strict implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    }
}
