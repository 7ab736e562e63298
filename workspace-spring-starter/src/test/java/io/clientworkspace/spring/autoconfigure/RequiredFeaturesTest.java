package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.FeatureStatus;
import io.clientworkspace.spi.ApprovalStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** {@link RequiredFeatures}: the check behind {@code client-workspace.features.required}. */
class RequiredFeaturesTest {

    private static final FeatureStatus WORKSPACES = new FeatureStatus("workspaces", true, Optional.empty());
    private static final FeatureStatus FILES = new FeatureStatus("files", true, Optional.empty());
    private static final FeatureStatus APPROVALS = new FeatureStatus("approvals", true, Optional.empty());
    private static final FeatureStatus NO_APPROVALS = new FeatureStatus("approvals", false,
            Optional.of(ApprovalStore.class));

    private final List<FeatureStatus> withoutApprovals = List.of(WORKSPACES, FILES, NO_APPROVALS);

    @Test
    void nothingRequiredPassesWhateverIsUnavailable() {
        assertThat(RequiredFeatures.check(List.of(), withoutApprovals).names()).isEmpty();
    }

    @Test
    void availableFeaturesPass() {
        assertThat(RequiredFeatures.check(List.of("files", "workspaces"), withoutApprovals).names())
                .containsExactly("files", "workspaces");
    }

    @Test
    void anUnavailableRequiredFeatureFailsNamingTheFeatureAndTheMissingStore() {
        assertThatIllegalStateException().isThrownBy(() -> RequiredFeatures.check(List.of("files", "approvals"),
                        withoutApprovals))
                .withMessageContaining("client-workspace.features.required")
                .withMessageContaining("'approvals' is unavailable")
                .withMessageContaining("io.clientworkspace.spi.ApprovalStore");
    }

    @Test
    void anUnknownNameFailsNamingTheValidOnes() {
        assertThatIllegalStateException().isThrownBy(() -> RequiredFeatures.check(List.of("aprovals"),
                        List.of(WORKSPACES, FILES, APPROVALS)))
                .withMessageContaining("'aprovals' is not a feature")
                .withMessageContaining("workspaces, files, approvals");
    }

    @Test
    void namesAreMatchedWithoutCaseOrSurroundingSpace() {
        assertThat(RequiredFeatures.check(List.of(" Files ", "APPROVALS"), List.of(WORKSPACES, FILES, APPROVALS))
                .names()).containsExactly("files", "approvals");
    }
}
