package org.lmx.hub.security;

import org.lmx.hub.config.DevelopmentCredentials;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. The admin API needs a user everywhere: auditors read, operators read and act. The
 * Exchange service is open at the HTTP level because every document there proves its sender by signature.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String OPERATOR = "OPERATOR";
    static final String AUDITOR = "AUDITOR";

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
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
    UserDetailsService users(DevelopmentCredentials credentials, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(
                User.withUsername(DevelopmentCredentials.OPERATOR)
                        .password(encoder.encode(credentials.operatorPassword())).roles(OPERATOR).build(),
                User.withUsername(DevelopmentCredentials.AUDITOR)
                        .password(encoder.encode(credentials.auditorPassword())).roles(AUDITOR).build());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
