package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.lmx.hub.trust.HubTrust;
import org.lmx.hub.trust.TrustReport;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The trust inventory: every certificate of the agreements in force and of the hub's PKI, and the CRL cache. */
@RestController
@RequestMapping("/api/trust")
@Tag(name = "Trust", description = "Certificates of the agreements and of the hub, their states, the CRL locations")
@SecurityRequirement(name = "basic")
class TrustController {

    private final HubTrust trust;

    TrustController(HubTrust trust) {
        this.trust = trust;
    }

    @GetMapping
    @Operation(summary = "Every certificate the hub trusts or signs with (state VALID, EXPIRING, EXPIRED, NOT_YET_VALID, "
            + "ENTRY_ENDED) and every CRL location this node has asked (last fetch, thisUpdate/nextUpdate, last failure)")
    TrustReport inventory(@RequestParam(required = false) String expiringWithin) {
        if (expiringWithin == null) {
            return trust.report();
        }
        try {
            Duration window = Duration.parse(expiringWithin);
            if (window.isNegative()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "expiringWithin must not be negative");
            }
            return trust.report(window);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "expiringWithin is an ISO-8601 duration such as P30D, not '" + expiringWithin + "'");
        }
    }
}
