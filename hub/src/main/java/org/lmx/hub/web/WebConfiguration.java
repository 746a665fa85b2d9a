package org.lmx.hub.web;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** What every HTTP call passes first. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Ready = Spring Boot's readiness ACCEPTING_TRAFFIC, published once the application, Camel included, has started. */
    @Bean
    FilterRegistrationBean<NotReadyFilter> notReady(ApplicationAvailability availability) {
        FilterRegistrationBean<NotReadyFilter> registration = new FilterRegistrationBean<>(
                new NotReadyFilter(() -> availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
