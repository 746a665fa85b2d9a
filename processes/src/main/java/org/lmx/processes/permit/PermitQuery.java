package org.lmx.processes.permit;

/**
 * Which permits {@link PermitRegister#list} returns, newest decision first.
 *
 * @param travelDocumentNumber only the holder with this travel document, or null
 * @param applicantPartner     only permits applied for by this party, or null
 * @param page                 from 0
 * @param size                 1 to 100
 */
public record PermitQuery(String travelDocumentNumber, String applicantPartner, int page, int size) {

    public PermitQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative: " + page);
        }
        if (size < 1 || size > 100) {
            throw new IllegalArgumentException("size must be 1 to 100: " + size);
        }
    }
}
