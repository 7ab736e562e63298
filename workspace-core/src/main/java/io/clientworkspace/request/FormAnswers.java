package io.clientworkspace.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The answers of one form, by field id. Holds whatever it is given (also ids the form does not have):
 * {@link FormValidator} judges them against a {@link FormDefinition}.
 *
 * @param values answers by field id, unmodifiable, sorted by field id
 */
public record FormAnswers(Map<String, AnswerValue> values) {

    public FormAnswers {
        requireNonNull(values, "values must not be null");
        Map<String, AnswerValue> copy = new TreeMap<>();
        values.forEach((k, v) -> copy.put(requireNonNull(k, "field id must not be null"),
                requireNonNull(v, "answer must not be null")));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(copy));
    }

    /** No answers. */
    public static FormAnswers empty() {
        return new FormAnswers(Map.of());
    }

    /** Answers from a map. */
    public static FormAnswers of(Map<String, AnswerValue> values) {
        return new FormAnswers(values);
    }

    /** A copy with one answer added or replaced. */
    public FormAnswers with(String fieldId, AnswerValue value) {
        Map<String, AnswerValue> copy = new TreeMap<>(values);
        copy.put(requireNonNull(fieldId, "fieldId must not be null"), requireNonNull(value, "value must not be null"));
        return new FormAnswers(copy);
    }

    /** The answer to a field, if given. */
    public Optional<AnswerValue> get(String fieldId) {
        return Optional.ofNullable(values.get(fieldId));
    }

    /** How many answers. */
    public int size() {
        return values.size();
    }
}
