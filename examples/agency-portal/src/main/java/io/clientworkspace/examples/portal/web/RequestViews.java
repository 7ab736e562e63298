package io.clientworkspace.examples.portal.web;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** What the requests and forms pages show: small read-only values prepared by the controllers. */
public final class RequestViews {

    private RequestViews() {
    }

    /** A request in a list (the Requests tab and the team's inbox). */
    public record RequestRow(String id, String slug, String workspace, String title, String status, String statusLabel,
                             String priority, String priorityLabel, String assignee, String due, String submittedBy,
                             String submitted, String submittedExact) {
    }

    /**
     * One field of a form as an input: {@code kind} is short, long, number, date, single, multi, email, url, phone,
     * checkbox, file, section or help; {@code value} the text shown, {@code selected} the chosen options (multiple
     * choice, single choice, file, checkbox "true"); {@code error} empty when the field is fine.
     */
    public record FieldInput(String kind, String id, String label, String help, boolean required, String value,
                             List<String> selected, List<Views.Option> options, String error, String min, String max,
                             String step) {
        /** The name of the input in the posted form. */
        public String name() {
            return "a." + id;
        }

        /** Whether this option is chosen. */
        public boolean chosen(String option) {
            return selected.contains(option);
        }

        /** What a multiple choice asks for, e.g. "(choose 1 to 3)" or "(choose up to 2)"; empty when anything goes. */
        public String choiceHint() {
            if (!"multi".equals(kind)) {
                return "";
            }
            if (!"0".equals(min)) {
                return "(choose " + min + " to " + max + ")";
            }
            return max.equals(String.valueOf(options.size())) ? "" : "(choose up to " + max + ")";
        }

        /** Whether the field has an error. */
        public boolean invalid() {
            return !error.isEmpty();
        }
    }

    /** One answer of a submitted form, read-only: {@code href} links e-mail, URL and file answers. */
    public record AnswerView(String kind, String id, String label, String text, @Nullable String href) {
    }

    /** One step of a request's history, from the activity record. */
    public record HistoryView(String actor, boolean team, String text, String at) {
    }

    /** A form assignment on the workspace home. */
    public record AssignmentRow(String id, String title, String due, String status, String statusLabel,
                                @Nullable String requestId) {
        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** A form in the library list. */
    public record FormRow(String id, String key, String name, int version, String status, String owner, String created,
                          int fields) {
        public boolean retired() {
            return "RETIRED".equals(status);
        }
    }
}
