package org.lmx.connectors.soap;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.SoapVersion;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.interceptor.ReadHeadersInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Refuses an envelope of another SOAP version than the port's. CXF's SOAP 1.1 binding refuses a 1.2 envelope
 * by itself, but its 1.2 binding reads a 1.1 envelope and answers in 1.1; each version has its own address,
 * so a call at the wrong one is a mistake the partner should hear about at once.
 */
public final class SoapVersionOfPort extends AbstractSoapInterceptor {

    private final SoapVersion version;
    private final String otherAddress;

    public SoapVersionOfPort(SoapVersion version, String otherAddress) {
        super(Phase.READ);
        addAfter(ReadHeadersInterceptor.class.getName());
        this.version = version;
        this.otherAddress = otherAddress;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        SoapVersion received = message.getVersion();
        if (received.getVersion() != version.getVersion()) {
            throw new SoapFault("this port speaks SOAP " + version.getVersion() + "; a SOAP " + received.getVersion()
                    + " call goes to " + otherAddress, received.getVersionMismatch());
        }
    }
}
