package io.clientworkspace.spring.autoconfigure;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration processor documents every {@code client-workspace.*} property for IDEs. */
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
        List<Map<String, Object>> properties = JsonPath.read(metadata(), "$.properties[?(@.name == 'client-workspace.rest.base-path')]");

        assertThat(properties).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("type", "java.lang.String").containsEntry("defaultValue", "/api");
            assertThat(p.get("description")).asString().contains("every endpoint of the REST API");
        });
    }

    @Test
    void everyWorkspacePropertyHasADescription() throws Exception {
        List<Map<String, Object>> properties = JsonPath.read(metadata(), "$.properties[?(@.name =~ /client-workspace\\..*/)]");

        assertThat(properties).extracting(p -> p.get("name")).contains("client-workspace.store",
                "client-workspace.cache.maximum-size", "client-workspace.cache.expire-after-write", "client-workspace.rest.enabled",
                "client-workspace.rest.base-path", "client-workspace.security.tenant-authority-prefix",
                "client-workspace.security.team-authority", "client-workspace.security.default-tenant-id",
                "client-workspace.events.publish-application-events", "client-workspace.events.relay-interval",
                "client-workspace.jpa.migrate", "client-workspace.jpa.history-table", "client-workspace.rest.cross-site-protection",
                "client-workspace.rest.allowed-origins", "client-workspace.rest.max-json-size");
        assertThat(properties).allSatisfy(p -> assertThat(p.get("description")).as(String.valueOf(p.get("name")))
                .asString().isNotBlank());
    }

    @Test
    void theLiveUpdatePropertiesAreDescribedWithTheirDefaults() throws Exception {
        String metadata = metadata();
        java.util.Map<String, Object> defaults = new java.util.LinkedHashMap<>();
        defaults.put("client-workspace.rest.live-updates.enabled", true);
        defaults.put("client-workspace.rest.live-updates.timeout", "15m");
        defaults.put("client-workspace.rest.live-updates.heartbeat-interval", "25s");
        defaults.put("client-workspace.rest.live-updates.max-subscribers-per-user", 5);
        defaults.put("client-workspace.rest.live-updates.max-subscribers", 1000);
        defaults.put("client-workspace.rest.live-updates.outbox-capacity", 100);
        defaults.put("client-workspace.rest.live-updates.sender-threads", 4);

        for (java.util.Map.Entry<String, Object> expected : defaults.entrySet()) {
            List<Map<String, Object>> properties = JsonPath.read(metadata,
                    "$.properties[?(@.name == '" + expected.getKey() + "')]");
            assertThat(properties).as(expected.getKey()).singleElement().satisfies(p -> {
                assertThat(p.get("description")).asString().isNotBlank();
                assertThat(p.get("defaultValue")).as(expected.getKey() + " default").isEqualTo(expected.getValue());
            });
        }
    }

    @Test
    void theOverdueSweepPropertiesAreDescribedWithTheirDefaults() throws Exception {
        String metadata = metadata();
        Map<String, Object> defaults = Map.of("client-workspace.projects.overdue-sweep-interval", "15m",
                "client-workspace.projects.overdue-sweep-batch", 500);

        for (Map.Entry<String, Object> expected : defaults.entrySet()) {
            List<Map<String, Object>> properties = JsonPath.read(metadata,
                    "$.properties[?(@.name == '" + expected.getKey() + "')]");
            assertThat(properties).as(expected.getKey()).singleElement().satisfies(p -> {
                assertThat(p.get("description")).asString().isNotBlank();
                assertThat(p.get("defaultValue")).as(expected.getKey() + " default").isEqualTo(expected.getValue());
            });
        }
    }
    @Test
    void theInsightAndNotificationPropertiesAreDescribedWithTheirDefaults() throws Exception {
        String metadata = metadata();
        Map<String, Object> defaults = Map.of("client-workspace.insights.record-visits", true,
                "client-workspace.insights.gauges", true, "client-workspace.insights.gauge-refresh", "5m",
                "client-workspace.notifications.delivery-interval", "1m",
                "client-workspace.notifications.delivery-batch", 500,
                "client-workspace.notifications.batching-window", "10m");

        for (Map.Entry<String, Object> expected : defaults.entrySet()) {
            List<Map<String, Object>> properties = JsonPath.read(metadata,
                    "$.properties[?(@.name == '" + expected.getKey() + "')]");
            assertThat(properties).as(expected.getKey()).singleElement().satisfies(p -> {
                assertThat(p.get("description")).asString().isNotBlank();
                assertThat(p.get("defaultValue")).as(expected.getKey() + " default").isEqualTo(expected.getValue());
            });
        }
    }

    @Test
    void theDigestTimeIsDescribed() throws Exception {
        List<Map<String, Object>> properties = JsonPath.read(metadata(),
                "$.properties[?(@.name == 'client-workspace.notifications.digest-time')]");

        assertThat(properties).singleElement().satisfies(p -> assertThat(p.get("description")).asString()
                .contains("daily digests"));
    }
}
