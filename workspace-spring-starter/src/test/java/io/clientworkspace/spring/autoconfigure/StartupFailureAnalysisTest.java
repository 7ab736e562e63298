package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.spring.WorkspaceConfigurationException;
import io.clientworkspace.spring.WorkspaceConfigurationFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's known start-up misconfigurations reach Boot's failure report as a description (what is wrong) and an
 * action (how to fix it), through {@link WorkspaceConfigurationFailureAnalyzer}.
 */
class StartupFailureAnalysisTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL);

    private static FailureAnalysis analysisOf(Throwable failure) {
        FailureAnalysis analysis = new WorkspaceConfigurationFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        return analysis;
    }

    @Test
    void theAnalyzerReportsTheProblemAsDescriptionAndTheFixAsAction() {
        WorkspaceConfigurationException e = new WorkspaceConfigurationException("The thing is wrong.", "Fix the thing.");

        FailureAnalysis analysis = analysisOf(new IllegalStateException("wrapped", e));

        assertThat(analysis.getDescription()).isEqualTo("The thing is wrong.");
        assertThat(analysis.getAction()).isEqualTo("Fix the thing.");
        assertThat(e).hasMessage("The thing is wrong. Fix the thing.");
    }

    @Test
    void theAnalyzerLeavesOtherFailuresToBoot() {
        assertThat(new WorkspaceConfigurationFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
    }

    @Test
    void storeJpaWithoutJpaIsAnalyzedWithWhatToAdd() {
        runner.withPropertyValues("client-workspace.store=jpa").run(context -> {
                    FailureAnalysis analysis = analysisOf(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("client-workspace.store=jpa");
                    assertThat(analysis.getAction()).contains("io.clientworkspace:workspace-jpa", "spring-boot-starter-data-jpa",
                            "client-workspace.store=auto");
                });
    }

    @Test
    void anUnknownRequiredFeatureIsAnalyzedWithTheFix() {
        runner.withPropertyValues("client-workspace.features.required=aprovals").run(context -> {
            FailureAnalysis analysis = analysisOf(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("client-workspace.features.required", "'aprovals'", "approvals");
            assertThat(analysis.getAction()).contains("remove the feature from client-workspace.features.required");
        });
    }

    @Test
    void aBlobRootThatIsAFileIsAnalyzedNamingThePropertyAndThePath(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("files"), "x");

        runner.withPropertyValues("client-workspace.files.root=" + file).run(context -> {
            FailureAnalysis analysis = analysisOf(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("client-workspace.files.root=" + file, "not a directory");
            assertThat(analysis.getAction()).contains("client-workspace.files.root");
        });
    }

    @Test
    void anInvalidUploadPolicyPropertyIsAnalyzedNamingTheProperty() {
        runner.withPropertyValues("client-workspace.files.archive.max-expansion-ratio=0").run(context -> {
            FailureAnalysis analysis = analysisOf(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("maxExpansionRatio");
            assertThat(analysis.getAction()).contains("client-workspace.files.archive.max-expansion-ratio");
        });
    }

    @Test
    void aCheckpointKeyPairBeanThatIsNotEd25519IsAnalyzedNamingTheBean() {
        runner.withBean(WorkspaceCheckpointAutoConfiguration.KEY_PAIR_BEAN, java.security.KeyPair.class, () -> {
            try {
                return java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }).run(context -> {
            FailureAnalysis analysis = analysisOf(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains(WorkspaceCheckpointAutoConfiguration.KEY_PAIR_BEAN);
            assertThat(analysis.getAction()).contains("Ed25519");
        });
    }
}
