package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.file.ContentPolicy;
import io.clientworkspace.spi.BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, findings 5 and 6 in the starter: the archive limits and the macro switch are properties that reach
 * the kit's {@link ContentPolicy}, and a blob root someone else could control stops the application at startup.
 */
class ArchiveAndBlobRootPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL);

    @Test
    void theNewPropertiesAreDocumentedWithTheirDefaults() throws Exception {
        assertThat(documented("client-workspace.files.archive.max-expansion-ratio")).containsEntry("defaultValue", 100);
        assertThat(documented("client-workspace.files.archive.max-depth")).containsEntry("defaultValue", 3);
        assertThat(documented("client-workspace.files.allow-macros")).containsEntry("defaultValue", false);
    }

    private static Map<String, Object> documented(String name) throws Exception {
        try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
            List<Map<String, Object>> found = com.jayway.jsonpath.JsonPath.read(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), "$.properties[?(@.name == '" + name + "')]");
            assertThat(found).as(name).hasSize(1);
            assertThat(found.get(0).get("description")).as(name).asString().isNotBlank();
            return found.get(0);
        }
    }

    @Test
    void theArchiveRatioDepthAndMacroDefaultsAreTheKitsDefaults() {
        runner.run(context -> {
            ContentPolicy policy = context.getBean(ContentPolicy.class);
            assertThat(policy.maxExpansionRatio()).isEqualTo(100);
            assertThat(policy.maxArchiveDepth()).isEqualTo(3);
            assertThat(policy.allowMacros()).isFalse();
        });
    }

    @Test
    void theArchivePropertiesAndTheMacroSwitchReachTheContentPolicy() {
        runner.withPropertyValues("client-workspace.files.archive.max-expansion-ratio=20", "client-workspace.files.archive.max-depth=1",
                "client-workspace.files.allow-macros=true").run(context -> {
                    ContentPolicy policy = context.getBean(ContentPolicy.class);
                    assertThat(policy).isEqualTo(ContentPolicy.defaults().withMaxExpansionRatio(20).withMaxArchiveDepth(1)
                            .withMacrosAllowed(true));
                });
    }

    @Test
    void anExpansionRatioBelowOneStopsTheStartup() {
        runner.withPropertyValues("client-workspace.files.archive.max-expansion-ratio=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("maxExpansionRatio");
        });
    }

    @Test
    void aBlobRootThatIsASymbolicLinkStopsTheStartupNamingThePath(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("files"), real);

        runner.withPropertyValues("client-workspace.files.root=" + link).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(link.toString()).hasMessageContaining("symbolic link");
        });
    }

    @Test
    void aBlobRootThatIsAFileStopsTheStartupNamingThePath(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("files"), "x");

        runner.withPropertyValues("client-workspace.files.root=" + file).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(file.toString())
                    .hasMessageContaining("not a directory");
        });
    }

    @Test
    void aFreshBlobRootIsUsable(@TempDir Path dir) {
        runner.withPropertyValues("client-workspace.files.root=" + dir.resolve("files")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(BlobStore.class).exists("0123456789abcdef0123456789abcdef")).isFalse();
        });
    }
}
