package org.lmx.connectors.signature;

import java.util.Set;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;

/** The XMLDSig algorithms LMX allows (ARCHITECTURE.md "The message"); everything else is refused. */
final class XmlDsig {

    static final String NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String EXC_C14N = CanonicalizationMethod.EXCLUSIVE;
    static final String ENVELOPED = Transform.ENVELOPED;
    static final String EXC_C14N_NS = "http://www.w3.org/2001/10/xml-exc-c14n#";

    static final Set<String> DIGESTS = Set.of(DigestMethod.SHA256, "http://www.w3.org/2001/04/xmldsig-more#sha384",
            DigestMethod.SHA512);

    static final Set<String> SIGNATURES = Set.of(SignatureMethod.RSA_SHA256, SignatureMethod.RSA_SHA384,
            SignatureMethod.RSA_SHA512, SignatureMethod.ECDSA_SHA256, SignatureMethod.ECDSA_SHA384);

    private XmlDsig() {
    }
}
