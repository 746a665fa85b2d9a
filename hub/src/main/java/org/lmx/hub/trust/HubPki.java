package org.lmx.hub.trust;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ResourceUtils;

/** The hub's own certificates: its signing certificate and chain, the development CA if there is one, its TLS certificate. */
public final class HubPki {

    private static final Logger LOG = LoggerFactory.getLogger(HubPki.class);

    private HubPki() {
    }

    /**
     * The running hub's: the signing credential it uses (development PKI or production keystore) with the CAs of its
     * chain, the development CA in {@code pkiDir} when it is not in that chain, and the TLS certificate when
     * {@code server.ssl} names a key store.
     */
    public static List<HubCertificate> of(Credential signing, Path pkiDir, TlsKeyStore tls) {
        List<HubCertificate> own = new ArrayList<>();
        own.add(new HubCertificate(HubCertificate.SIGNING, "hub signing certificate", signing.certificate()));
        List<X509Certificate> chain = signing.chain();
        for (int i = 1; i < chain.size(); i++) {
            own.add(new HubCertificate(HubCertificate.CA, i == chain.size() - 1 ? "hub CA" : "hub intermediate CA " + i,
                    chain.get(i)));
        }
        developmentCa(pkiDir).filter(ca -> !chain.contains(ca))
                .ifPresent(ca -> own.add(new HubCertificate(HubCertificate.CA, "development hub CA", ca)));
        if (tls != null) {
            tls.certificate().ifPresent(c -> own.add(new HubCertificate(HubCertificate.TLS, "hub TLS certificate", c)));
        }
        return own;
    }

    /** Offline, from a data directory's PKI: the hub party's certificate and the development CA. */
    public static List<HubCertificate> ofPkiDirectory(Path pkiDir, String hubParty) {
        List<HubCertificate> own = new ArrayList<>();
        try {
            if (Files.isDirectory(pkiDir)) {
                PkiDirectory.open(pkiDir).currentCertificate(hubParty).ifPresent(c ->
                        own.add(new HubCertificate(HubCertificate.SIGNING, "hub signing certificate", c)));
            }
        } catch (PkiException e) {
            LOG.warn("cannot read the hub's signing certificate in {}: {}", pkiDir, e.getMessage());
        }
        developmentCa(pkiDir).ifPresent(ca -> own.add(new HubCertificate(HubCertificate.CA, "development hub CA", ca)));
        return own;
    }

    private static java.util.Optional<X509Certificate> developmentCa(Path pkiDir) {
        Path file = pkiDir.resolve(CertificateAuthority.CERTIFICATE_FILE);
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Pem.readCertificate(file));
        } catch (PkiException e) {
            LOG.warn("cannot read the development CA certificate {}: {}", file, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** Spring Boot's {@code server.ssl.key-store}: where the TLS certificate is, if TLS is on. */
    public record TlsKeyStore(String location, String type, String password, String alias) {

        java.util.Optional<X509Certificate> certificate() {
            try (InputStream in = ResourceUtils.getURL(location).openStream()) {
                KeyStore store = KeyStore.getInstance(type == null ? "PKCS12" : type);
                store.load(in, password == null ? null : password.toCharArray());
                for (String name : alias != null ? List.of(alias) : Collections.list(store.aliases())) {
                    Certificate c = store.getCertificate(name);
                    if (store.isKeyEntry(name) && c instanceof X509Certificate x509) {
                        return java.util.Optional.of(x509);
                    }
                }
                return java.util.Optional.empty();
            } catch (Exception e) {
                LOG.warn("cannot read the TLS certificate from {} for the trust inventory: {}", location, e.getMessage());
                return java.util.Optional.empty();
            }
        }
    }
}
