package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.WorkspaceException;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;

import java.util.Locale;
import java.util.Map;

/** Turns persistence exceptions into the core's conflict errors, so callers see one error model. */
final class JpaErrors {

    /** Named unique constraints and the conflict each one means. */
    private static final Map<String, ConflictException.Reason> UNIQUE_REASONS = Map.of(
            "uq_cwk_workspace_slug", ConflictException.Reason.DUPLICATE_SLUG,
            "uq_cwk_workspace_external_ref", ConflictException.Reason.DUPLICATE_EXTERNAL_REF,
            "uq_cwk_workspace_origin_ref", ConflictException.Reason.DUPLICATE_EXTERNAL_REF);

    /** The unique constraint on sibling folder names of one visibility (V4; V2's uq_cwk_folder_name before). */
    private static final String FOLDER_NAME_CONSTRAINT = "uq_cwk_folder_name";

    private JpaErrors() {
    }

    /** The conflict of a folder name that a sibling already has. */
    static ConflictException duplicateFolderName(String name) {
        return new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                "A folder named '" + name + "' already exists here; choose another name");
    }

    /** The core error for a persistence failure, or the failure itself when it has no core meaning. */
    static RuntimeException translate(RuntimeException e, String resourceType, String id) {
        if (e instanceof WorkspaceException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve) {
                String name = String.valueOf(cve.getConstraintName()).toLowerCase(Locale.ROOT)
                        + " " + String.valueOf(cve.getMessage()).toLowerCase(Locale.ROOT);
                if (name.contains(FOLDER_NAME_CONSTRAINT)) {
                    return new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                            "A folder with this name already exists here; choose another name");
                }
                for (Map.Entry<String, ConflictException.Reason> unique : UNIQUE_REASONS.entrySet()) {
                    if (name.contains(unique.getKey())) {
                        return new ConflictException(unique.getValue(), messageFor(unique.getValue(), resourceType, id));
                    }
                }
                return new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        resourceType + " '" + id + "' already exists");
            }
            if (t instanceof EntityExistsException) {
                return new ConflictException(ConflictException.Reason.ALREADY_EXISTS,
                        resourceType + " '" + id + "' already exists");
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return new ConflictException(ConflictException.Reason.STALE_VERSION, resourceType + " '" + id
                        + "' was changed by someone else; reload it and try again");
            }
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t instanceof LockAcquisitionException) {
                return new ConflictException(ConflictException.Reason.STALE_VERSION, resourceType + " '" + id
                        + "' is being changed by someone else right now; try again");
            }
        }
        return e;
    }

    private static String messageFor(ConflictException.Reason reason, String resourceType, String id) {
        return switch (reason) {
            case DUPLICATE_SLUG -> "This slug is already used by another workspace of this tenant; choose another";
            case DUPLICATE_EXTERNAL_REF -> "This external reference is already linked to another workspace of this tenant";
            default -> resourceType + " '" + id + "' already exists";
        };
    }
}
