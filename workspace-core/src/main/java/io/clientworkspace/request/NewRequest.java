package io.clientworkspace.request;

import io.clientworkspace.FileId;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a request is submitted with.
 *
 * @param title       1 to 200 characters
 * @param description 0 to 10,000 characters (line breaks allowed)
 * @param priority    how urgent
 * @param form        the form version answered (a library form or the workspace's own, ACTIVE); empty: free-form
 * @param answers     the answers to {@code form}; must be empty without a form
 * @param attachments client-visible files of the workspace, at most 20, distinct
 */
public record NewRequest(String title, String description, Priority priority, Optional<FormRef> form,
                         FormAnswers answers, List<FileId> attachments) {

    public NewRequest {
        requireNonNull(title, "title must not be null");
        requireNonNull(description, "description must not be null");
        requireNonNull(priority, "priority must not be null");
        requireNonNull(form, "form must not be null");
        requireNonNull(answers, "answers must not be null");
        attachments = List.copyOf(requireNonNull(attachments, "attachments must not be null"));
    }

    /** A free-form request of normal priority without attachments. */
    public static NewRequest of(String title, String description) {
        return new NewRequest(title, description, Priority.NORMAL, Optional.empty(), FormAnswers.empty(), List.of());
    }

    /** A request through a form version, of normal priority. */
    public static NewRequest through(String title, FormRef form, FormAnswers answers) {
        return new NewRequest(title, "", Priority.NORMAL, Optional.of(form), answers, List.of());
    }

    /** A copy with another priority. */
    public NewRequest withPriority(Priority newPriority) {
        return new NewRequest(title, description, newPriority, form, answers, attachments);
    }

    /** A copy with these attachments. */
    public NewRequest withAttachments(List<FileId> files) {
        return new NewRequest(title, description, priority, form, answers, files);
    }
}
