package io.clientworkspace.request;

import io.clientworkspace.FileId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One answer of a form. Which kind a field takes: {@link Text} for short and long text, e-mail, URL and phone;
 * {@link Number} for numbers; {@link Date} for dates; {@link Choices} for single (one element) and multiple
 * choice; {@link Bool} for a checkbox; {@link File} for a file field. Values are checked against their field
 * by {@link FormValidator}.
 */
public sealed interface AnswerValue {

    /** A text answer. */
    record Text(String value) implements AnswerValue {
        public Text {
            requireNonNull(value, "value must not be null");
        }
    }

    /** A number answer. */
    record Number(BigDecimal value) implements AnswerValue {
        public Number {
            requireNonNull(value, "value must not be null");
        }
    }

    /** A date answer. */
    record Date(LocalDate value) implements AnswerValue {
        public Date {
            requireNonNull(value, "value must not be null");
        }
    }

    /** The options chosen, in the order given (one for a single choice). */
    record Choices(List<String> values) implements AnswerValue {
        public Choices {
            values = List.copyOf(requireNonNull(values, "values must not be null"));
        }
    }

    /** A ticked ({@code true}) or unticked checkbox. */
    record Bool(boolean value) implements AnswerValue {
    }

    /** A file of the workspace. */
    record File(FileId value) implements AnswerValue {
        public File {
            requireNonNull(value, "value must not be null");
        }
    }

    /** A text answer. */
    static AnswerValue text(String value) {
        return new Text(value);
    }

    /** A number answer. */
    static AnswerValue number(String value) {
        return new Number(new BigDecimal(value));
    }

    /** A date answer. */
    static AnswerValue date(LocalDate value) {
        return new Date(value);
    }

    /** A choice answer. */
    static AnswerValue choices(String... values) {
        return new Choices(List.of(values));
    }

    /** A checkbox answer. */
    static AnswerValue bool(boolean value) {
        return new Bool(value);
    }

    /** A file answer. */
    static AnswerValue file(FileId value) {
        return new File(value);
    }
}
