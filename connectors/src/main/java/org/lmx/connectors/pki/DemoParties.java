package org.lmx.connectors.pki;

import java.util.List;
import java.util.Optional;

/**
 * The parties of the demo (ARCHITECTURE.md "Parties and names"): the hub, the partner ministries, the source
 * countries, an NGO and the domestic agencies. {@code lmx pki init} makes a signing certificate for each.
 */
public final class DemoParties {

    /** A demo party, what it is, and the key it gets (a few get EC so that the demo exercises ECDSA as well). */
    public record DemoParty(String id, String name, KeyAlgorithm algorithm) {
    }

    /** The hub itself: the labour ministry that operates it. */
    public static final String HUB = "KAZ:MLSP";

    /** The hub first, then every counterparty. */
    public static final List<DemoParty> ALL = List.of(
            new DemoParty(HUB, "Kazakhstan, Ministry of Labour and Social Protection (the hub)", KeyAlgorithm.RSA_3072),
            new DemoParty("KOR:MOEL", "Korea, Ministry of Employment and Labor", KeyAlgorithm.RSA_2048),
            new DemoParty("TUR:CSGB", "Türkiye, Ministry of Labour and Social Security", KeyAlgorithm.RSA_2048),
            new DemoParty("ARE:MOHRE", "United Arab Emirates, Ministry of Human Resources and Emiratisation",
                    KeyAlgorithm.RSA_2048),
            new DemoParty("USA:DOL", "United States, Department of Labor", KeyAlgorithm.RSA_2048),
            new DemoParty("GBR:DWP", "United Kingdom, Department for Work and Pensions", KeyAlgorithm.RSA_2048),
            new DemoParty("ISR:MOL", "Israel, labour ministry", KeyAlgorithm.RSA_2048),
            new DemoParty("DEU:BMAS", "Germany, Federal Ministry of Labour and Social Affairs", KeyAlgorithm.EC_P256),
            new DemoParty("UZB:MEHNAT", "Uzbekistan, labour ministry", KeyAlgorithm.EC_P256),
            new DemoParty("TJK:MLME", "Tajikistan, Ministry of Labour, Migration and Employment", KeyAlgorithm.RSA_2048),
            new DemoParty("KGZ:MLSSM", "Kyrgyzstan, Ministry of Labour, Social Security and Migration",
                    KeyAlgorithm.RSA_2048),
            new DemoParty("MNG:MLSP", "Mongolia, Ministry of Labour and Social Protection", KeyAlgorithm.RSA_2048),
            new DemoParty("ARE:NGO-EWAS", "An NGO supporting workers in the United Arab Emirates", KeyAlgorithm.EC_P256),
            new DemoParty("KAZ:MIA", "Kazakhstan, Ministry of Internal Affairs (migration police)", KeyAlgorithm.RSA_2048),
            new DemoParty("KAZ:SRC", "Kazakhstan, State Revenue Committee", KeyAlgorithm.RSA_2048),
            new DemoParty("KAZ:BORDER", "Kazakhstan, Border Service", KeyAlgorithm.EC_P256),
            new DemoParty("KAZ:MFA", "Kazakhstan, Ministry of Foreign Affairs (consular service)", KeyAlgorithm.RSA_2048),
            new DemoParty("KAZ:BNS", "Kazakhstan, Bureau of National Statistics", KeyAlgorithm.RSA_2048),
            new DemoParty("KAZ:AKIMAT-75", "Almaty city, labour department (KZ-75)", KeyAlgorithm.RSA_2048),
            new DemoParty("KAZ:AKIMAT-23", "Atyrau region, labour department (KZ-23)", KeyAlgorithm.RSA_2048));

    private DemoParties() {
    }

    /** Every party id, the hub first. */
    public static List<String> ids() {
        return ALL.stream().map(DemoParty::id).toList();
    }

    /** Every party id but the hub's. */
    public static List<String> counterpartyIds() {
        return ALL.stream().map(DemoParty::id).filter(id -> !id.equals(HUB)).toList();
    }

    public static Optional<DemoParty> find(String partyId) {
        return ALL.stream().filter(p -> p.id().equals(partyId)).findFirst();
    }
}
