package org.lmx.connectors.xml;

import java.io.ByteArrayOutputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;

/**
 * Writes a DOM the hub built itself (an unsigned document, or one it just signed) to UTF-8 bytes. Bytes a
 * partner signed are never passed through here: a signed document is kept and forwarded as received.
 */
public final class XmlBytes {

    private static final TransformerFactory FACTORY = hardenedFactory();

    /** An identity transformer per thread: making one costs a quarter of writing a receipt (BENCHMARKS.md). */
    private static final ThreadLocal<Transformer> TRANSFORMER = ThreadLocal.withInitial(XmlBytes::newTransformer);

    private XmlBytes() {
    }

    public static byte[] of(Document document) {
        // no reset() between documents: it would drop the output properties, and nothing else is set on it
        Transformer transformer = TRANSFORMER.get();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize a DOM document: " + e.getMessage(), e);
        }
    }

    private static Transformer newTransformer() {
        try {
            Transformer transformer;
            synchronized (FACTORY) {
                transformer = FACTORY.newTransformer();
            }
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            return transformer;
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK's XSLT cannot make an identity transformer: " + e.getMessage(), e);
        }
    }

    private static TransformerFactory hardenedFactory() {
        TransformerFactory f = TransformerFactory.newInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException(e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return f;
    }
}
