package org.lmx.connectors.signature;

import javax.xml.crypto.dsig.XMLSignatureFactory;
import org.apache.jcp.xml.dsig.internal.dom.XMLDSigRI;

/** Santuario's JSR 105 provider, used explicitly so that the JDK's internal copy never decides. */
final class JsrProvider {

    private static final XMLDSigRI PROVIDER = new XMLDSigRI();

    private JsrProvider() {
    }

    static XMLSignatureFactory signatureFactory() {
        return XMLSignatureFactory.getInstance("DOM", PROVIDER);
    }
}
