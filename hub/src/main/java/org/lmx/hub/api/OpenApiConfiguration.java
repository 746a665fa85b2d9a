package org.lmx.hub.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin API's OpenAPI document (/v3/api-docs, /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI lmxAdminApi() {
        return new OpenAPI()
                .info(new Info().title("LMX Hub admin API").version("1")
                        .description("Agreements, the message log, attachments, rejections and audit. HTTP Basic: users"
                                + " 'operator' (acts) and 'auditor' (reads)."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
    }
}
