package org.lmx.processes.vetting;

/**
 * The contract-vetting process's settings; the hub binds them from {@code lmx.contract-vetting.*}. An absent value
 * takes its default.
 *
 * @param consularService the party that gets every ContractVettingResult besides the sender (KAZ:MFA)
 * @param contactEmail    the vetting office's e-mail address in the officer's contact, or null
 * @param contactPhone    its phone number (E.164), or null
 */
public record ContractVettingSettings(String consularService, String contactEmail, String contactPhone) {

    public ContractVettingSettings {
        consularService = blank(consularService) ? "KAZ:MFA" : consularService;
        contactEmail = blank(contactEmail) ? null : contactEmail;
        contactPhone = blank(contactPhone) ? null : contactPhone;
    }

    public static ContractVettingSettings defaults() {
        return new ContractVettingSettings(null, null, null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
