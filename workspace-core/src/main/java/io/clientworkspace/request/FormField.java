package io.clientworkspace.request;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One field of a form. Every field has an {@link #id()} ({@code [a-z][a-z0-9_]{0,39}}, unique in its form),
 * a {@link #label()} (1 to 200 characters), a {@link #help()} text (0 to 1,000 characters, empty for none) and
 * says whether an answer is {@link #required()}.
 *
 * <p>The records only refuse {@code null}s; whether a list of fields makes a valid form (lengths, bounds,
 * unique ids and options, safe patterns) is decided by {@link FormSchema#check(List)}, which reports every
 * problem at once. {@link SectionHeading} and {@link HelpText} structure the form and take no answer.
 */
public sealed interface FormField {

    /** The field's id, the key of its answer in {@link FormAnswers}. */
    String id();

    /** What the person filling the form reads. */
    String label();

    /** Optional longer explanation; empty for none. */
    String help();

    /** Whether a submitted (not draft) answer must be given; for a checkbox: must be ticked. */
    boolean required();

    /** Whether this field takes an answer at all ({@code false} for headings and help texts). */
    default boolean takesAnswer() {
        return true;
    }

    /** A single line of text, at most {@code maxLength} (1 to 1,000) characters, optionally matching a pattern. */
    record ShortText(String id, String label, String help, boolean required, int maxLength,
                     Optional<String> pattern) implements FormField {
        public ShortText {
            FormChecks.common(id, label, help);
            requireNonNull(pattern, "pattern must not be null");
        }
    }

    /** Text of several lines, at most {@code maxLength} (1 to 20,000) characters. */
    record LongText(String id, String label, String help, boolean required, int maxLength) implements FormField {
        public LongText {
            FormChecks.common(id, label, help);
        }
    }

    /** A number between optional bounds with at most {@code decimals} (0 to 10) digits after the point. */
    record NumberField(String id, String label, String help, boolean required, Optional<BigDecimal> min,
                       Optional<BigDecimal> max, int decimals) implements FormField {
        public NumberField {
            FormChecks.common(id, label, help);
            requireNonNull(min, "min must not be null");
            requireNonNull(max, "max must not be null");
        }
    }

    /** A calendar date between optional bounds (inclusive). */
    record DateField(String id, String label, String help, boolean required, Optional<LocalDate> min,
                     Optional<LocalDate> max) implements FormField {
        public DateField {
            FormChecks.common(id, label, help);
            requireNonNull(min, "min must not be null");
            requireNonNull(max, "max must not be null");
        }
    }

    /** Exactly one of 1 to 100 distinct options. */
    record SingleChoice(String id, String label, String help, boolean required, List<String> options)
            implements FormField {
        public SingleChoice {
            FormChecks.common(id, label, help);
            options = List.copyOf(requireNonNull(options, "options must not be null"));
        }
    }

    /** Between {@code minSelected} and {@code maxSelected} distinct options of 1 to 100. */
    record MultipleChoice(String id, String label, String help, boolean required, List<String> options,
                          int minSelected, int maxSelected) implements FormField {
        public MultipleChoice {
            FormChecks.common(id, label, help);
            options = List.copyOf(requireNonNull(options, "options must not be null"));
        }
    }

    /** An e-mail address ({@code local@domain}, at most 254 characters). */
    record EmailField(String id, String label, String help, boolean required) implements FormField {
        public EmailField {
            FormChecks.common(id, label, help);
        }
    }

    /** An absolute {@code http} or {@code https} URL with a host, at most 2,000 characters. */
    record UrlField(String id, String label, String help, boolean required) implements FormField {
        public UrlField {
            FormChecks.common(id, label, help);
        }
    }

    /** A phone number: an optional leading {@code +}, 6 to 20 digits, spaces, dashes and parentheses. */
    record PhoneField(String id, String label, String help, boolean required) implements FormField {
        public PhoneField {
            FormChecks.common(id, label, help);
        }
    }

    /** A tick box; when required it must be ticked (e.g. consent). */
    record CheckboxField(String id, String label, String help, boolean required) implements FormField {
        public CheckboxField {
            FormChecks.common(id, label, help);
        }
    }

    /** A file of the workspace, visible to the person answering (checked by the service, not the validator). */
    record FileField(String id, String label, String help, boolean required) implements FormField {
        public FileField {
            FormChecks.common(id, label, help);
        }
    }

    /** A heading that starts a section; takes no answer. */
    record SectionHeading(String id, String label, String help) implements FormField {
        public SectionHeading {
            FormChecks.common(id, label, help);
        }

        @Override
        public boolean required() {
            return false;
        }

        @Override
        public boolean takesAnswer() {
            return false;
        }
    }

    /** A paragraph of explanation ({@link #help()}) under a short {@link #label()}; takes no answer. */
    record HelpText(String id, String label, String help) implements FormField {
        public HelpText {
            FormChecks.common(id, label, help);
        }

        @Override
        public boolean required() {
            return false;
        }

        @Override
        public boolean takesAnswer() {
            return false;
        }
    }
}
