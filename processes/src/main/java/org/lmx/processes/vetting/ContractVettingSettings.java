package org.lmx.processes.vetting;

/**
 * The contract-vetting process's settings; the hub binds them from {@code lmx.contract-vetting.*}. An absent value
 * takes its default.
 *
 * @param consularService the party that gets every ContractVettingResult besides the sender (KAZ:MFA)
 * @param contactName     the office named as the officer's organisation and as the worker's contact
 * @param contactEmail    its e-mail address, or null
 * @param contactPhone    its phone number (E.164), or null
 */
public record ContractVettingSettings(String consularService, String contactName, String contactEmail,
                                      String contactPhone) {

    public static final String DEFAULT_CONTACT =
            "Contract vetting, Department of Labour Migration, Ministry of Labour and Social Protection of Population";

    public ContractVettingSettings {
        consularService = blank(consularService) ? "KAZ:MFA" : consularService;
        contactName = blank(contactName) ? DEFAULT_CONTACT : contactName;
        contactEmail = blank(contactEmail) ? null : contactEmail;
        contactPhone = blank(contactPhone) ? null : contactPhone;
    }

    public static ContractVettingSettings defaults() {
        return new ContractVettingSettings(null, null, null, null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
