package io.clientworkspace.jpa;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.clientworkspace.request.AnswerValue;
import io.clientworkspace.request.FormAnswers;
import io.clientworkspace.request.FormField;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The JSON text columns of the requests feature: a form version's fields ({@code cwk_form.fields_json}) and
 * answers ({@code answers_json}, {@code draft_json}). Each field and answer carries its kind in a
 * {@code "type"} property (the simple name of its record), so the sealed types round-trip exactly;
 * numbers are read as {@code BigDecimal}, dates are ISO strings.
 */
final class FormJson {

    private static final TypeReference<List<FormField>> FIELDS = new TypeReference<>() {
    };

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(FormField.class, FieldTypes.class)
            .addMixIn(AnswerValue.class, AnswerTypes.class)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final ObjectWriter FIELDS_WRITER = JSON.writerFor(FIELDS);
    private static final ObjectReader FIELDS_READER = JSON.readerFor(FIELDS);

    private FormJson() {
    }

    static String fields(List<FormField> fields) {
        return FIELDS_WRITER.writeValueAsString(requireNonNull(fields, "fields must not be null"));
    }

    static List<FormField> fields(String json) {
        return List.copyOf(FIELDS_READER.<List<FormField>>readValue(requireNonNull(json, "json must not be null")));
    }

    static String answers(FormAnswers answers) {
        return JSON.writeValueAsString(requireNonNull(answers, "answers must not be null"));
    }

    static FormAnswers answers(String json) {
        return JSON.readValue(requireNonNull(json, "json must not be null"), FormAnswers.class);
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = FormField.ShortText.class, name = "ShortText"),
            @JsonSubTypes.Type(value = FormField.LongText.class, name = "LongText"),
            @JsonSubTypes.Type(value = FormField.NumberField.class, name = "NumberField"),
            @JsonSubTypes.Type(value = FormField.DateField.class, name = "DateField"),
            @JsonSubTypes.Type(value = FormField.SingleChoice.class, name = "SingleChoice"),
            @JsonSubTypes.Type(value = FormField.MultipleChoice.class, name = "MultipleChoice"),
            @JsonSubTypes.Type(value = FormField.EmailField.class, name = "EmailField"),
            @JsonSubTypes.Type(value = FormField.UrlField.class, name = "UrlField"),
            @JsonSubTypes.Type(value = FormField.PhoneField.class, name = "PhoneField"),
            @JsonSubTypes.Type(value = FormField.CheckboxField.class, name = "CheckboxField"),
            @JsonSubTypes.Type(value = FormField.FileField.class, name = "FileField"),
            @JsonSubTypes.Type(value = FormField.SectionHeading.class, name = "SectionHeading"),
            @JsonSubTypes.Type(value = FormField.HelpText.class, name = "HelpText")})
    private interface FieldTypes {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = AnswerValue.Text.class, name = "Text"),
            @JsonSubTypes.Type(value = AnswerValue.Number.class, name = "Number"),
            @JsonSubTypes.Type(value = AnswerValue.Date.class, name = "Date"),
            @JsonSubTypes.Type(value = AnswerValue.Choices.class, name = "Choices"),
            @JsonSubTypes.Type(value = AnswerValue.Bool.class, name = "Bool"),
            @JsonSubTypes.Type(value = AnswerValue.File.class, name = "File")})
    private interface AnswerTypes {
    }
}
