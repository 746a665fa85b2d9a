package org.lmx.hub.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A domestic agency logged in to the REST API with its broker user (its code, {@code MIA}) and password: it may
 * only read the attachments of documents it sent or received, so it carries its party ({@code KAZ:MIA}).
 */
public final class AgencyUser extends User {

    private final String party;

    AgencyUser(String code, String encodedPassword, String party) {
        super(code, encodedPassword, List.of(new SimpleGrantedAuthority("ROLE_" + SecurityConfiguration.AGENCY)));
        this.party = party;
    }

    /** The agency's party id, as it appears as From or To in the message log. */
    public String party() {
        return party;
    }
}
