package io.clientworkspace.spring.autoconfigure;

import com.jayway.jsonpath.JsonPath;
import io.clientworkspace.file.ContentPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code client-workspace.files.*} and {@code client-workspace.approvals.*} properties are documented for IDEs, with their defaults. */
class FileConfigurationMetadataTest {

    private static List<Map<String, Object>> properties(String name) throws Exception {
        try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
            return JsonPath.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "$.properties[?(@.name == '" + name + "')]");
        }
    }

    private static Map<String, Object> property(String name) throws Exception {
        List<Map<String, Object>> found = properties(name);
        assertThat(found).as(name).hasSize(1);
        assertThat(found.get(0).get("description")).as(name).asString().isNotBlank();
        return found.get(0);
    }

    @Test
    void everyFileAndApprovalPropertyIsDescribedWithItsDefault() throws Exception {
        assertThat(property("client-workspace.files.root")).containsEntry("defaultValue", "./workspace-files");
        assertThat(property("client-workspace.files.max-size")).containsEntry("defaultValue", "2GB");
        assertThat(property("client-workspace.files.reject-mismatched-names")).containsEntry("defaultValue", true);
        assertThat(property("client-workspace.files.archive.max-entries")).containsEntry("defaultValue", 10000);
        assertThat(property("client-workspace.files.archive.max-expanded-size")).containsEntry("defaultValue", "1GB");
        assertThat(property("client-workspace.files.orphan-sweep-interval")).containsEntry("defaultValue", "1h");
        assertThat(property("client-workspace.files.orphan-min-age")).containsEntry("defaultValue", "24h");
        assertThat(property("client-workspace.files.min-free-space")).containsEntry("defaultValue", "100MB");
        assertThat(property("client-workspace.files.workspace-quota")).containsEntry("defaultValue", "10GB");
        assertThat(property("client-workspace.approvals.expiry-interval")).containsEntry("defaultValue", "5m");
    }

    @Test
    void theDocumentedTypeListsAreTheKitsDefaults() throws Exception {
        assertThat((List<String>) property("client-workspace.files.allowed-types").get("defaultValue"))
                .containsExactlyInAnyOrderElementsOf(ContentPolicy.defaults().allowedTypes());
        assertThat((List<String>) property("client-workspace.files.blocked-types").get("defaultValue"))
                .containsExactlyInAnyOrderElementsOf(ContentPolicy.defaults().blockedTypes());
    }
}
