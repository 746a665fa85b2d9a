package org.lmx.hub.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.lmx.hub.broker.AgencyAccess;
import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.hub.camunda.CaseworkerGroup;
import org.lmx.hub.config.DevelopmentCredentials;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. The admin API needs a user everywhere: auditors read, operators read and act, but only auditors
 * read the content of documents (bodies, attachments: personal data, each read audited); an agency (its
 * broker user and password) may only read attachments, and the controller serves it those of its own documents;
 * permit officers (their Tasklist login) may read the permit register, quota officers start the yearly quota
 * refresh and, with permit officers, read the quota ledger; consular officers read the contract register. The
 * country information packs are public, read-only, without a login. Camunda's Tasklist and REST API authenticate
 * against Camunda's identity service themselves (see CamundaConfiguration) and apply its authorizations.
 * The Exchange service is open at the HTTP level because every document there proves its sender by signature.
 * Actuator: health status for anyone (load balancers), its details and the metrics for operators, auditors and the
 * {@code monitoring} user of a Prometheus server.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String OPERATOR = "OPERATOR";
    static final String AUDITOR = "AUDITOR";
    static final String AGENCY = "AGENCY";
    /** A Prometheus server: health details and metrics, nothing else (no document, no metadata, no action). */
    static final String MONITORING = "MONITORING";
    private static final String CAMUNDA_SETUP = "/camunda/api/admin/setup/**";
    static final String PERMIT_OFFICERS = CaseworkerAuthentication.role(CaseworkerGroup.PERMIT_OFFICERS);
    static final String QUOTA_OFFICERS = CaseworkerAuthentication.role(CaseworkerGroup.QUOTA_OFFICERS);
    static final String CONSULAR_OFFICERS = CaseworkerAuthentication.role(CaseworkerGroup.CONSULAR_OFFICERS);

    /**
     * Tasklist and Cockpit ({@code /camunda}) log their users in with Camunda's own session and CSRF protection;
     * {@code /engine-rest} takes HTTP Basic in its own filter. Neither must meet the admin API's Basic authentication
     * (it would refuse a caseworker's credentials before Camunda sees them). Camunda's first-administrator setup page
     * is closed for good: the hub creates its users itself.
     */
    @Bean
    @Order(1)
    SecurityFilterChain camunda(HttpSecurity http) throws Exception {
        return http
                // whole paths (these are not Spring MVC's servlet, whose patterns the plain String matchers would use)
                .securityMatcher(new OrRequestMatcher(path("/camunda/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path(CAMUNDA_SETUP)).denyAll()
                        .anyRequest().permitAll())
                // as if there were no such page (Camunda's own refusal, while an administrator exists, is a 403)
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.NOT_FOUND),
                        path(CAMUNDA_SETUP)))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The Exchange service (CXF under {@code /services}): open, every document proves its sender by signature. A
     * chain of its own, first, so that partners' calls do not walk the admin API's matchers, each of which asks
     * Spring MVC's handler mappings (7% of the hub's time per call under load, BENCHMARKS.md).
     */
    @Bean
    @Order(0)
    SecurityFilterChain exchange(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(path("/services/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * No Micrometer observation of Spring Security's filters: it wraps every filter of every call in an observation
     * (a third of the security chain's cost under load) and measures nothing an operator reads. The calls
     * themselves are still timed ({@code http_server_requests}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
                            ObjectProvider<ProcessEngine> engine) throws Exception {
        DaoAuthenticationProvider staffAndAgencies = new DaoAuthenticationProvider(users);
        staffAndAgencies.setPasswordEncoder(encoder);
        return http
                .authenticationManager(new ProviderManager(staffAndAgencies, new CaseworkerAuthentication(engine)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/permits", "/api/permits/*", "/api/permits/*/movements")
                                .hasAnyRole(OPERATOR, AUDITOR, PERMIT_OFFICERS)
                        .requestMatchers(HttpMethod.GET, "/api/contracts", "/api/contracts/*")
                                .hasAnyRole(OPERATOR, AUDITOR, CONSULAR_OFFICERS)
                        // public information for workers: readable without a login, and only readable
                        .requestMatchers(HttpMethod.GET, "/api/country-packs", "/api/country-packs/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/quotas")
                                .hasAnyRole(OPERATOR, AUDITOR, PERMIT_OFFICERS, QUOTA_OFFICERS)
                        .requestMatchers(HttpMethod.POST, "/api/quotas/refresh").hasAnyRole(OPERATOR, QUOTA_OFFICERS)
                        // the content of documents (personal data): auditors, and agencies their own; not operators
                        .requestMatchers(HttpMethod.GET, "/api/attachments/*").hasAnyRole(AUDITOR, AGENCY)
                        .requestMatchers(HttpMethod.GET, "/api/messages/*/body").hasRole(AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/evidence/*").hasRole(AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(OPERATOR, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/agreements/validate").hasAnyRole(OPERATOR, AUDITOR)
                        .requestMatchers("/api/**").hasRole(OPERATOR)
                        // a load balancer's probe needs the status without a login; the components' details (which
                        // broker, which ports, failed jobs) and the metrics (partners, volumes) are for staff
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(OPERATOR, AUDITOR, MONITORING)
                        .anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                // a stateless API for scripts and the CLI: no session, so no cookie to forge
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    UserDetailsService users(DevelopmentCredentials credentials, AgencyAccess agencies, BrokerCredentials brokerCredentials,
                             PasswordEncoder encoder) {
        return new HubUsers(credentials, agencies, brokerCredentials, encoder);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
