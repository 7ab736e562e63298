package com.example.crm;

import io.clientworkspace.tck.CoreBoundary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRM reaches the kit through its public API only: nothing here depends on {@code io.clientworkspace.internal}. */
class NoCoreInternalsTest {

    @Test
    void nothingDependsOnTheCoresInternalPackage() {
        assertThat(CoreBoundary.assertNoCoreInternals(CrmApplication.class, NoCoreInternalsTest.class))
                .contains(CrmApplication.class.getName(), NoCoreInternalsTest.class.getName())
                .allMatch(name -> name.startsWith("com.example.crm"));
    }
}
