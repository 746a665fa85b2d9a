package org.lmx.routes.log;

/** Received by the hub, or issued by it. */
public enum Direction {
    INBOUND,
    OUTBOUND
}
