package org.lmx.connectors.soap;

import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.interceptor.ReadHeadersInterceptor;
import org.apache.cxf.binding.soap.interceptor.StartBodyInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;

/**
 * Refuses an envelope without a Body as the caller's mistake ({@code soap:Client} / {@code soap:Sender}). CXF's
 * StartBodyInterceptor takes the reader to be at the Body, and without one the next read fails deep in the chain
 * as a server fault, which would tell a partner the hub is broken.
 */
public final class SoapBodyRequired extends AbstractSoapInterceptor {

    public SoapBodyRequired() {
        super(Phase.READ);
        addAfter(ReadHeadersInterceptor.class.getName());
        addBefore(StartBodyInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if ("GET".equals(message.get(Message.HTTP_REQUEST_METHOD))) {
            return;
        }
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader == null) {
            return;
        }
        // ReadHeadersInterceptor leaves the reader on the Body's start tag when there is one
        boolean atBody = reader.getEventType() == XMLStreamReader.START_ELEMENT
                && message.getVersion().getBody().equals(reader.getName());
        if (!atBody) {
            throw new SoapFault("the SOAP envelope has no Body: Submit, FetchPending, Acknowledge and GetStatus go in"
                    + " the Body", message.getVersion().getSender());
        }
    }
}
