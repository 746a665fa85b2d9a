package org.lmx.connectors.pki;

import java.math.BigInteger;
import java.time.Instant;

/** One entry of a CA's revocation list. */
public record Revocation(BigInteger serial, Instant revokedAt, RevocationReason reason) {
}
