package io.clientworkspace.spring.autoconfigure;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration processor documents every {@code workspace.*} property for IDEs. */
class ConfigurationMetadataTest {

    private static String metadata() throws Exception {
        ClassPathResource resource = new ClassPathResource("META-INF/spring-configuration-metadata.json");
        assertThat(resource.exists()).as("generated configuration metadata on the class path").isTrue();
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBasePathIsDescribedWithItsDefault() throws Exception {
        List<Map<String, Object>> properties = JsonPath.read(metadata(), "$.properties[?(@.name == 'workspace.rest.base-path')]");

        assertThat(properties).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("type", "java.lang.String").containsEntry("defaultValue", "/api");
            assertThat(p.get("description")).asString().contains("every endpoint of the REST API");
        });
    }

    @Test
    void everyWorkspacePropertyHasADescription() throws Exception {
        List<Map<String, Object>> properties = JsonPath.read(metadata(), "$.properties[?(@.name =~ /workspace\\..*/)]");

        assertThat(properties).extracting(p -> p.get("name")).contains("workspace.store",
                "workspace.cache.maximum-size", "workspace.cache.expire-after-write", "workspace.rest.enabled",
                "workspace.rest.base-path", "workspace.security.tenant-authority-prefix",
                "workspace.security.team-authority", "workspace.security.default-tenant-id",
                "workspace.events.publish-application-events", "workspace.events.relay-interval",
                "workspace.jpa.migrate", "workspace.jpa.history-table", "workspace.rest.cross-site-protection",
                "workspace.rest.allowed-origins", "workspace.rest.max-json-size");
        assertThat(properties).allSatisfy(p -> assertThat(p.get("description")).as(String.valueOf(p.get("name")))
                .asString().isNotBlank());
    }
}
