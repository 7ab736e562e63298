package io.clientworkspace.request;

import io.clientworkspace.FormId;

import static java.util.Objects.requireNonNull;

/**
 * One version of one form, to which answers are bound.
 *
 * @param formId  the form
 * @param version its version, 1 or more
 */
public record FormRef(FormId formId, int version) {

    public FormRef {
        requireNonNull(formId, "formId must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }
}
