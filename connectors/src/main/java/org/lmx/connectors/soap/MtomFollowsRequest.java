package org.lmx.connectors.soap;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Answers MTOM with MTOM and a plain SOAP call with a plain SOAP response. The endpoints accept MTOM, but a
 * partner who posts a plain envelope (curl, a client without MTOM) must get the receipt inline as base64,
 * not as a multipart body it did not ask for.
 */
public final class MtomFollowsRequest extends AbstractPhaseInterceptor<Message> {

    public MtomFollowsRequest() {
        super(Phase.SETUP);
    }

    @Override
    public void handleMessage(Message response) {
        Message request = response.getExchange() == null ? null : response.getExchange().getInMessage();
        if (request == null) {
            return;
        }
        Object contentType = request.get(Message.CONTENT_TYPE);
        boolean mtomRequest = contentType != null && contentType.toString().toLowerCase().contains("multipart/related");
        response.put(Message.MTOM_ENABLED, mtomRequest);
    }
}
