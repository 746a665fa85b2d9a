package org.lmx.hub.security;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.lmx.hub.camunda.CaseworkerGroup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Caseworkers log in to the admin API with their Tasklist user and password (Camunda's identity service, one place
 * for their accounts); each caseworker group they belong to is a role ({@code permit-officers}: PERMIT_OFFICERS).
 * The engine is looked up at the first login, so that the security configuration does not wait for it.
 */
final class CaseworkerAuthentication implements AuthenticationProvider {

    private final ObjectProvider<ProcessEngine> engine;

    CaseworkerAuthentication(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    static String role(CaseworkerGroup group) {
        return group.id().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        IdentityService identity = engine.getObject().getIdentityService();
        if (user == null || credentials == null || !identity.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        List<GrantedAuthority> roles = CaseworkerGroup.ALL.stream().filter(g -> groups.contains(g.id()))
                .map(g -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role(g))).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(Objects.requireNonNull(authentication));
    }
}
