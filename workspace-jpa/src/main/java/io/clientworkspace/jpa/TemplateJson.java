package io.clientworkspace.jpa;

import io.clientworkspace.template.TemplateContent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import static java.util.Objects.requireNonNull;

/**
 * The JSON text column of the templates feature ({@code cwk_template.content_json}): a version's whole
 * {@link TemplateContent}, written from and read into the immutable records (record components by name, enums by
 * name, typed ids as {@code {"value": ...}}, absent {@code Optional}s as {@code null}), so that a stored version
 * reads back {@code equals} to what was stored.
 */
final class TemplateJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            // Tolerates properties that a later version of the records no longer has.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectWriter WRITER = JSON.writerFor(TemplateContent.class);
    private static final ObjectReader READER = JSON.readerFor(TemplateContent.class);

    private TemplateJson() {
    }

    static String content(TemplateContent content) {
        return WRITER.writeValueAsString(requireNonNull(content, "content must not be null"));
    }

    static TemplateContent content(String json) {
        return READER.readValue(requireNonNull(json, "json must not be null"));
    }
}
