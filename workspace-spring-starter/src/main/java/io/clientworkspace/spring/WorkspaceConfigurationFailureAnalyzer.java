package io.clientworkspace.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link WorkspaceConfigurationException} that stops a Spring Boot start as Boot's failure report: its
 * {@link WorkspaceConfigurationException#problem() problem} as the description, its
 * {@link WorkspaceConfigurationException#action() action} as the action. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class WorkspaceConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<WorkspaceConfigurationException> {

    /** Boot creates it from {@code META-INF/spring.factories}; it has no state. */
    public WorkspaceConfigurationFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WorkspaceConfigurationException cause) {
        return new FailureAnalysis(cause.problem(), cause.action(), cause);
    }
}
