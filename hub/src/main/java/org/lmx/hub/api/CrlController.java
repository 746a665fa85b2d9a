package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Hidden;
import java.security.cert.CRLException;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiException;
import org.lmx.hub.config.DataDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the development CA's CRL at the distribution point its certificates name (public, as CRLs are),
 * so that CRL checking works on one machine without another server.
 */
@RestController
@Hidden
class CrlController {

    private static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");

    private final DataDirectory data;

    CrlController(DataDirectory data) {
        this.data = data;
    }

    @GetMapping("/pki/crl/hub-ca.crl")
    ResponseEntity<byte[]> hubCaCrl() {
        try {
            byte[] der = Pem.readCrl(data.pki().resolve("hub-ca.crl.pem")).getEncoded();
            return ResponseEntity.ok().contentType(PKIX_CRL).body(der);
        } catch (PkiException | CRLException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
    }
}
