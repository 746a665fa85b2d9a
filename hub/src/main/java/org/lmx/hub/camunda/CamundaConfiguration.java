package org.lmx.hub.camunda;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.lmx.routes.log.DataCipher;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.lmx.hub.config.DataDirectory;
import org.lmx.hub.config.LmxProperties;
import org.lmx.hub.production.ProductionMode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda in the hub (the starters do the rest: the engine on the hub's DataSource and transaction manager, Tasklist
 * at {@code /camunda}, the REST API at {@code /engine-rest}; settings under {@code camunda.bpm} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
class CamundaConfiguration {

    /** Development: the demo caseworkers; production: only the first administrator, from the secrets. */
    @Bean
    ProcessEnginePlugin caseworkerSetup(DataDirectory data, LmxProperties properties, ObjectProvider<ProductionMode> production) {
        ProductionMode mode = production.getIfAvailable();
        if (mode != null) {
            return new CaseworkerSetup(null, new CaseworkerSetup.FirstAdministrator(
                    properties.production().camundaAdmin(), mode.camundaAdminPassword()));
        }
        return new CaseworkerSetup(properties.demo() ? data.root().resolve(DevelopmentCaseworkers.FILE) : null, null);
    }

    /**
     * With a data key, byte-array variables (the signed application the work-permit case keeps) are sealed at rest
     * like the message log's bodies.
     */
    @Bean
    ProcessEnginePlugin sealedVariables(DataCipher cipher) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                if (!cipher.encrypts()) {
                    return;
                }
                List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
                serializers.add(0, new SealedBytesSerializer(cipher));
                configuration.setCustomPreVariableSerializers(serializers);
            }
        };
    }

    /**
     * Camunda's REST API is never open: every call names a user of the identity service with HTTP Basic, and runs
     * as that user, so the engine's authorizations apply to it as they do in Tasklist.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
