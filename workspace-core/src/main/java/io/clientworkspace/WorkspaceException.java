package io.clientworkspace;

/**
 * The root of every error the kit throws on purpose. Each subclass stands for one kind of outcome a
 * caller can act on, carries its context in fields, and has a stable {@link #code()} that REST
 * adapters map to a problem type.
 *
 * <p>Guarantee: an operation that throws a {@code WorkspaceException} has changed nothing: no store
 * row, no activity entry, no event.
 */
public abstract class WorkspaceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected WorkspaceException(String message) {
        super(message);
    }

    protected WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A stable, machine-readable code for this kind of error, e.g. {@code "not-found"}. */
    public abstract String code();
}
