package io.clientworkspace.examples.portal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the API's sign-in: HTTP Basic with a portal user's name and password. */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfig {

    @Bean
    OpenAPI portalOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Northwind client portal API")
                        .description("The Client Workspace Kit's REST API as the agency portal serves it."
                                + " Sign in with HTTP Basic as any portal user (demo password: demo).")
                        .version("0.1.0-SNAPSHOT"))
                .components(new Components().addSecuritySchemes("basicAuth",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basicAuth"));
    }
}
