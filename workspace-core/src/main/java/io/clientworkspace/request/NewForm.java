package io.clientworkspace.request;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What it takes to define a form.
 *
 * @param key    a slug, {@code [a-z0-9][a-z0-9-]{1,62}}, unique in the form's owner (library or workspace)
 * @param name   1 to 200 characters
 * @param fields 1 to 100 fields, checked by {@link FormSchema#check(List)}
 */
public record NewForm(String key, String name, List<FormField> fields) {

    public NewForm {
        requireNonNull(key, "key must not be null");
        requireNonNull(name, "name must not be null");
        fields = List.copyOf(requireNonNull(fields, "fields must not be null"));
    }
}
