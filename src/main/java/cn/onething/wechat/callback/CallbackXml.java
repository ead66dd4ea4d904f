package cn.onething.wechat.callback;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.springframework.http.HttpStatus;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads callback XML with every door closed: a DOCTYPE is refused outright, so no entity, external or internal,
 * is ever expanded (XXE, billion laughs); nothing is fetched, nothing included. WeChat's pushes never carry one.
 */
final class CallbackXml {

	private static final DocumentBuilderFactory FACTORY = hardenedFactory();

	private static final ErrorHandler FAIL = new ErrorHandler() {
		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) throws SAXException {
			throw exception;
		}

		@Override
		public void fatalError(SAXParseException exception) throws SAXException {
			throw exception;
		}
	};

	private CallbackXml() {
	}

	static CallbackMessage parse(String xml) {
		try {
			Element root = builder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
			if (!"xml".equals(root.getTagName())) {
				throw new CallbackRefused(HttpStatus.BAD_REQUEST, "root element is " + root.getTagName());
			}
			return new CallbackMessage(fields(root), items(root));
		}
		catch (SAXException | IOException e) {
			throw new CallbackRefused(HttpStatus.BAD_REQUEST, "unreadable XML: " + e.getMessage());
		}
	}

	/** Elements without element children, by name; the first wins if a name repeats. */
	private static Map<String, String> fields(Element parent) {
		Map<String, String> fields = new LinkedHashMap<>();
		NodeList children = parent.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element child && !hasElementChildren(child)) {
				fields.putIfAbsent(child.getTagName(), child.getTextContent().strip());
			}
		}
		return fields;
	}

	private static List<Map<String, String>> items(Element root) {
		List<Map<String, String>> items = new ArrayList<>();
		NodeList lists = root.getElementsByTagName("List");
		for (int i = 0; i < lists.getLength(); i++) {
			items.add(fields((Element) lists.item(i)));
		}
		return items;
	}

	private static boolean hasElementChildren(Element element) {
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() == Node.ELEMENT_NODE) {
				return true;
			}
		}
		return false;
	}

	private static DocumentBuilder builder() {
		try {
			DocumentBuilder builder;
			// A configured factory is not promised to be thread-safe; building a builder is cheap.
			synchronized (FACTORY) {
				builder = FACTORY.newDocumentBuilder();
			}
			builder.setErrorHandler(FAIL);
			return builder;
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
	}

	private static DocumentBuilderFactory hardenedFactory() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			return factory;
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
		}
	}
}
