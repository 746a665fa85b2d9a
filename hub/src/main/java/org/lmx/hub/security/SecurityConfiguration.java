package org.lmx.hub.security;

import org.lmx.hub.broker.AgencyAccess;
import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.hub.config.DevelopmentCredentials;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. The admin API needs a user everywhere: auditors read, operators read and act; an agency (its
 * broker user and password) may only read attachments, and the controller serves it those of its own documents.
 * The Exchange service is open at the HTTP level because every document there proves its sender by signature.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String OPERATOR = "OPERATOR";
    static final String AUDITOR = "AUDITOR";
    static final String AGENCY = "AGENCY";

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/attachments/*").hasAnyRole(OPERATOR, AUDITOR, AGENCY)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(OPERATOR, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/agreements/validate").hasAnyRole(OPERATOR, AUDITOR)
                        .requestMatchers("/api/**").hasRole(OPERATOR)
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
