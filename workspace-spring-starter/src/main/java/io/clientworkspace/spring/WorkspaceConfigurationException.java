package io.clientworkspace.spring;

import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * The application's configuration does not let the kit start: a property, a bean, a dependency or the host's
 * persistence setup is wrong or missing. It carries what is wrong ({@link #problem()}) and how to fix it
 * ({@link #action()}); its message is both. When it stops a Spring Boot start, the kit's failure analyzer prints
 * the two as Boot's "APPLICATION FAILED TO START" report (Description / Action) instead of a stack trace.
 *
 * <p>An {@link IllegalStateException}, as the start failures it replaces were: code that caught those keeps working.
 */
public class WorkspaceConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String action;

    /**
     * @param problem what is wrong, in sentences a developer can act on (names the property, bean or class)
     * @param action  how to fix it: what to add, change or remove
     */
    public WorkspaceConfigurationException(String problem, String action) {
        this(problem, action, null);
    }

    /**
     * @param problem what is wrong
     * @param action  how to fix it
     * @param cause   the failure that revealed it, if any
     */
    public WorkspaceConfigurationException(String problem, String action, @Nullable Throwable cause) {
        super(message(requireNonNull(problem, "problem must not be null"), requireNonNull(action, "action must not be null")),
                cause);
        this.problem = problem;
        this.action = action;
    }

    private static String message(String problem, String action) {
        String trimmed = problem.strip();
        return trimmed + (trimmed.endsWith(".") ? " " : ". ") + action;
    }

    /** What is wrong (never blank). */
    public String problem() {
        return problem;
    }

    /** How to fix it (never blank). */
    public String action() {
        return action;
    }
}
