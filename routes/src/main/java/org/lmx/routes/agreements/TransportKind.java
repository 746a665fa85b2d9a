package org.lmx.routes.agreements;

import org.lmx.xsd.agreement.v1.Transport;

/** The three ways documents travel between the hub and a partner (agreement.xsd, Transport). */
public enum TransportKind {
    SOAP_PUSH, SOAP_PULL, QUEUE;

    static TransportKind of(Transport transport) {
        if (transport.getSoapPush() != null) {
            return SOAP_PUSH;
        }
        if (transport.getSoapPull() != null) {
            return SOAP_PULL;
        }
        if (transport.getQueue() != null) {
            return QUEUE;
        }
        throw new IllegalArgumentException("a Transport holds none of SoapPush, SoapPull, Queue");
    }
}
