package org.lmx.hub.production;

/** The secret names of the broker users' passwords: {@code broker.lmx-hub.password}, {@code broker.MIA.password}. */
public final class BrokerSecrets {

    private BrokerSecrets() {
    }

    public static String name(String brokerUser) {
        return "broker." + brokerUser + ".password";
    }
}
