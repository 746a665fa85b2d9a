package org.lmx.routes.exchange;

import org.lmx.connectors.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The detail of a SOAP fault that answers a refused control document: {@code <lmx:Error><lmx:Code/><lmx:Reason/>}. */
final class FaultDetail {

    static final String LMX = "urn:lmx:exchange:1";

    private FaultDetail() {
    }

    static Element of(String code, String reason) {
        Document document = SecureXml.newDocument();
        Element detail = document.createElementNS(null, "detail");
        Element error = document.createElementNS(LMX, "lmx:Error");
        Element codeElement = document.createElementNS(LMX, "lmx:Code");
        codeElement.setTextContent(code);
        Element reasonElement = document.createElementNS(LMX, "lmx:Reason");
        reasonElement.setTextContent(reason);
        error.appendChild(codeElement);
        error.appendChild(reasonElement);
        detail.appendChild(error);
        document.appendChild(detail);
        return detail;
    }
}
