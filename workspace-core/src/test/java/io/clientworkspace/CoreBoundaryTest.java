package io.clientworkspace;

import io.clientworkspace.tck.CoreBoundary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The boundary check other modules run finds a real dependency on the internal package: the kit's own. */
class CoreBoundaryTest {

    @Test
    void theCheckNamesEveryClassThatDependsOnTheInternalPackage() {
        assertThatThrownBy(() -> CoreBoundary.assertNoCoreInternals(WorkspaceKit.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.clientworkspace.WorkspaceKit")
                .hasMessageContaining("io.clientworkspace.internal.Kernel");
    }
}
