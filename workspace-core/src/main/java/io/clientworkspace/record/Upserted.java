package io.clientworkspace.record;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of {@link LinkedRecordService#upsert}.
 *
 * @param record  the record as stored now
 * @param created whether this upsert created it (then also {@code changed})
 * @param changed whether its content changed (false: the same content again, nothing stored, no event)
 */
public record Upserted(LinkedRecord record, boolean created, boolean changed) {

    public Upserted {
        requireNonNull(record, "record must not be null");
        if (created && !changed) {
            throw new IllegalArgumentException("a created record is also changed");
        }
    }
}
