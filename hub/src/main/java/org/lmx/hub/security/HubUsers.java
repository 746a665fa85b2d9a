package org.lmx.hub.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.lmx.hub.broker.AgencyAccess;
import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.hub.config.DevelopmentCredentials;
import org.lmx.routes.agency.AgencyQueues;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users of the REST API: the staff ({@code operator}, {@code auditor}, and {@code monitoring} where it has a
 * password, from the development credentials or the production secrets) and
 * every agency of the agreements as they stand now (an agreement reloaded at run time adds its agency at once),
 * with its broker password. Names are matched exactly: an agency is its upper-case code.
 */
final class HubUsers implements UserDetailsService {

    /** A password as the encoder keeps it, with the raw one it was made from (to see a change in the file). */
    private record Encoded(String raw, String encoded) {
    }

    private final Map<String, String> staffRoles;
    private final Map<String, String> staffPasswords;
    private final AgencyAccess agencies;
    private final BrokerCredentials brokerCredentials;
    private final PasswordEncoder encoder;
    private final ConcurrentMap<String, Encoded> agencyPasswords = new ConcurrentHashMap<>();

    HubUsers(DevelopmentCredentials staff, AgencyAccess agencies, BrokerCredentials brokerCredentials, PasswordEncoder encoder) {
        Map<String, String> roles = new HashMap<>(Map.of(DevelopmentCredentials.OPERATOR, SecurityConfiguration.OPERATOR,
                DevelopmentCredentials.AUDITOR, SecurityConfiguration.AUDITOR));
        Map<String, String> passwords = new HashMap<>(Map.of(DevelopmentCredentials.OPERATOR,
                encoder.encode(staff.operatorPassword()), DevelopmentCredentials.AUDITOR, encoder.encode(staff.auditorPassword())));
        if (staff.monitoringPassword() != null) {
            // a Prometheus server's login: health details and metrics, nothing of the admin API
            roles.put(DevelopmentCredentials.MONITORING, SecurityConfiguration.MONITORING);
            passwords.put(DevelopmentCredentials.MONITORING, encoder.encode(staff.monitoringPassword()));
        }
        this.staffRoles = Map.copyOf(roles);
        this.staffPasswords = Map.copyOf(passwords);
        this.agencies = agencies;
        this.brokerCredentials = brokerCredentials;
        this.encoder = encoder;
    }

    // a new object on every call: Spring Security erases the password of the one it authenticated
    @Override
    public UserDetails loadUserByUsername(String username) {
        String role = staffRoles.get(username);
        if (role != null) {
            return User.withUsername(username).password(staffPasswords.get(username)).roles(role).build();
        }
        AgencyQueues agency = agencies.agency(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        String password = password(agency).orElseThrow(() -> new UsernameNotFoundException("no password yet"));
        return new AgencyUser(agency.user(), password, agency.party());
    }

    /** Encoded once per password: encoding is deliberately slow. */
    private Optional<String> password(AgencyQueues agency) {
        String raw;
        try {
            raw = brokerCredentials.password(agency.user());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the agreement is newer than the reload that gives the agency its password
        }
        Encoded encoded = agencyPasswords.compute(agency.user(), (user, known) ->
                known != null && known.raw().equals(raw) ? known : new Encoded(raw, encoder.encode(raw)));
        return Optional.of(encoded.encoded());
    }
}
