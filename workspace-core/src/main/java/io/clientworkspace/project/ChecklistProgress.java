package io.clientworkspace.project;

/**
 * How far a task list (the onboarding checklist) is done, counting only the tasks the reader may see.
 *
 * @param done  tasks ticked done, 0 to {@code total}
 * @param total tasks in all
 */
public record ChecklistProgress(int done, int total) {

    public ChecklistProgress {
        if (total < 0 || done < 0 || done > total) {
            throw new IllegalArgumentException("need 0 <= done <= total, not " + done + "/" + total);
        }
    }

    /** Done tasks in percent of all, rounded down; 0 for an empty list. */
    public int percent() {
        return total == 0 ? 0 : (int) (done * 100L / total);
    }

    /** Whether there is at least one task and every task is done. */
    public boolean isComplete() {
        return total > 0 && done == total;
    }
}
