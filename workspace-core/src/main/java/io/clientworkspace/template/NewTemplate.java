package io.clientworkspace.template;

import static java.util.Objects.requireNonNull;

/**
 * What it takes to define a template.
 *
 * @param key     a slug, {@code [a-z0-9][a-z0-9-]{1,62}}, unique in the tenant
 * @param name    1 to 200 characters, no control characters
 * @param content checked as {@link TemplateContent} documents
 */
public record NewTemplate(String key, String name, TemplateContent content) {

    public NewTemplate {
        requireNonNull(key, "key must not be null");
        requireNonNull(name, "name must not be null");
        requireNonNull(content, "content must not be null");
    }
}
