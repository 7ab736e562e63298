package io.clientworkspace;

import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** The input is invalid; {@link #fieldErrors()} says which fields and why. Nothing was changed. */
public final class ValidationException extends WorkspaceException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> fieldErrors;

    public ValidationException(List<FieldError> fieldErrors) {
        super(message(fieldErrors));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ValidationException(FieldError fieldError) {
        this(List.of(requireNonNull(fieldError, "fieldError must not be null")));
    }

    private static String message(List<FieldError> errors) {
        requireNonNull(errors, "fieldErrors must not be null");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("fieldErrors must not be empty");
        }
        return "Invalid input: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }

    /** Every invalid field, in a stable order (sorted by field name). */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public String code() {
        return "validation";
    }
}
