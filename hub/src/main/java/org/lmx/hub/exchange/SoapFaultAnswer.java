package org.lmx.hub.exchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A SOAP fault written by a servlet filter of the Exchange service before CXF has read the call, in the SOAP version
 * of the port that was called ({@code /services/exchange12} is SOAP 1.2). CXF never reads the call, so the connection
 * is closed after the answer (a 503 of {@link CallAdmissionFilter} drains the body first; a 413 does not).
 */
final class SoapFaultAnswer {

    /** Whose fault it is: the caller's (the call itself is wrong) or the server's (try again later). */
    enum Party { SENDER, SERVER }

    private SoapFaultAnswer() {
    }

    static boolean isSoap12(HttpServletRequest request) {
        return request.getRequestURI().endsWith("12");
    }

    /** {@code reason} is the hub's own text (no caller input), so it is written without escaping. */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, Party party, String reason)
            throws IOException {
        boolean soap12 = isSoap12(request);
        String fault = soap12
                ? "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body><soap:Fault><soap:Code>"
                + "<soap:Value>" + (party == Party.SENDER ? "soap:Sender" : "soap:Receiver") + "</soap:Value></soap:Code>"
                + "<soap:Reason><soap:Text xml:lang=\"en\">" + reason
                + "</soap:Text></soap:Reason></soap:Fault></soap:Body></soap:Envelope>"
                : "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>" + (party == Party.SENDER ? "soap:Client" : "soap:Server") + "</faultcode><faultstring>"
                + reason + "</faultstring></soap:Fault></soap:Body></soap:Envelope>";
        response.setStatus(status);
        response.setContentType(soap12 ? "application/soap+xml; charset=UTF-8" : "text/xml; charset=UTF-8");
        response.setHeader("Connection", "close");
        response.getOutputStream().write(fault.getBytes(StandardCharsets.UTF_8));
        // out at once: the unread body is not waited for
        response.flushBuffer();
    }
}
