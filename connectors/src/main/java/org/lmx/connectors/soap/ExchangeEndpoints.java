package org.lmx.connectors.soap;

import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.binding.soap.Soap12;
import org.lmx.xsd.service.v1.ExchangePortType;

/**
 * The Exchange service's CXF endpoints, one per SOAP version as the WSDL publishes them; each answers an
 * envelope of the other version with a VersionMismatch fault ({@link SoapVersionOfPort} on the 1.2 port). POJO data
 * format on the generated service interface; MTOM accepted, so that documents and attachments travel as parts, and answered in kind
 * ({@link MtomFollowsRequest}).
 */
public final class ExchangeEndpoints {

    public static final String WSDL = "classpath:lmx/exchange.wsdl";
    public static final String NAMESPACE = "urn:lmx:exchange:wsdl:1";
    public static final QName SERVICE = new QName(NAMESPACE, "ExchangeService");
    public static final QName SOAP11_PORT = new QName(NAMESPACE, "ExchangeSoap11Port");
    public static final QName SOAP12_PORT = new QName(NAMESPACE, "ExchangeSoap12Port");
    /** Paths under the CXF servlet ({@code /services}). */
    public static final String SOAP11_PATH = "/exchange";
    public static final String SOAP12_PATH = "/exchange12";

    /** Base64 of a 10 MiB document, with room for line breaks. */
    static final int MAX_INLINE_DOCUMENT_CHARS = 15 * 1024 * 1024;
    static final long MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;

    private ExchangeEndpoints() {
    }

    public static CxfEndpoint soap11() {
        return endpoint(SOAP11_PATH, SOAP11_PORT);
    }

    public static CxfEndpoint soap12() {
        CxfEndpoint endpoint = endpoint(SOAP12_PATH, SOAP12_PORT);
        endpoint.getInInterceptors().add(new SoapVersionOfPort(Soap12.getInstance(), "/services" + SOAP11_PATH));
        return endpoint;
    }

    private static CxfEndpoint endpoint(String address, QName port) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setAddress(address);
        endpoint.setServiceClass(ExchangePortType.class);
        endpoint.setWsdlURL(WSDL);
        endpoint.setServiceNameAsQName(SERVICE);
        endpoint.setPortNameAsQName(port);
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setMtomEnabled(true);
        endpoint.getInInterceptors().add(new SoapBodyRequired());
        endpoint.getOutInterceptors().add(new MtomFollowsRequest());
        // a document inline as base64 (10 MiB signed, ARCHITECTURE.md "Sizes") and MTOM parts of 25 MiB at most;
        // the hub's servlet filter caps the whole call
        endpoint.setProperties(new HashMap<>(Map.of(
                "org.apache.cxf.stax.maxTextLength", MAX_INLINE_DOCUMENT_CHARS,
                "attachment-max-size", MAX_ATTACHMENT_BYTES)));
        return endpoint;
    }
}
