package io.clientworkspace.record;

import io.clientworkspace.activity.Visibility;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the host pushes for one record: {@link LinkedRecordService#upsert} creates the record of
 * {@code (type, hostId)} or brings it to exactly this content.
 *
 * <p>The service checks, reporting every problem at once as field errors: {@code hostId} 1..200 characters without
 * control characters; {@code title} 1..200 characters (trimmed, no control characters); {@code status} one of the
 * type's {@link RecordType#statuses()} (the error names them); {@code amount} only for types that
 * {@linkplain RecordType#amountAllowed() allow} it; {@code issuedOn}/{@code dueOn} within the kit's date bounds;
 * {@code endsAt} not before {@code startsAt}; maintenance windows need {@code startsAt}; {@code url} http or https,
 * at most 2,000 characters. Only the shape is checked here (nulls); use {@link #builder} to build one.
 *
 * @param type       what kind of record
 * @param hostId     the host's id for it
 * @param title      a short title
 * @param status     its status in the host
 * @param amount     money, invoices and contracts only
 * @param issuedOn   when it was issued
 * @param dueOn      when it is due
 * @param startsAt   when it starts
 * @param endsAt     when it ends
 * @param url        where it lives in the host
 * @param visibility {@code CLIENT} (default in the builder) or {@code TEAM}
 */
public record NewLinkedRecord(RecordType type, String hostId, String title, String status, Optional<Money> amount,
                              Optional<LocalDate> issuedOn, Optional<LocalDate> dueOn, Optional<Instant> startsAt,
                              Optional<Instant> endsAt, Optional<URI> url, Visibility visibility) {

    public NewLinkedRecord {
        requireNonNull(type, "type must not be null");
        requireNonNull(hostId, "hostId must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(amount, "amount must not be null");
        requireNonNull(issuedOn, "issuedOn must not be null");
        requireNonNull(dueOn, "dueOn must not be null");
        requireNonNull(startsAt, "startsAt must not be null");
        requireNonNull(endsAt, "endsAt must not be null");
        requireNonNull(url, "url must not be null");
        requireNonNull(visibility, "visibility must not be null");
    }

    /** A builder with the required fields; everything else empty and visibility {@code CLIENT}. */
    public static Builder builder(RecordType type, String hostId, String title, String status) {
        return new Builder(type, hostId, title, status);
    }

    /** Builds a {@link NewLinkedRecord}; not thread-safe. */
    public static final class Builder {
        private final RecordType type;
        private final String hostId;
        private final String title;
        private final String status;
        private Optional<Money> amount = Optional.empty();
        private Optional<LocalDate> issuedOn = Optional.empty();
        private Optional<LocalDate> dueOn = Optional.empty();
        private Optional<Instant> startsAt = Optional.empty();
        private Optional<Instant> endsAt = Optional.empty();
        private Optional<URI> url = Optional.empty();
        private Visibility visibility = Visibility.CLIENT;

        private Builder(RecordType type, String hostId, String title, String status) {
            this.type = requireNonNull(type, "type must not be null");
            this.hostId = requireNonNull(hostId, "hostId must not be null");
            this.title = requireNonNull(title, "title must not be null");
            this.status = requireNonNull(status, "status must not be null");
        }

        /** Sets the amount. */
        public Builder amount(Money value) {
            this.amount = Optional.of(requireNonNull(value, "amount must not be null"));
            return this;
        }

        /** Sets the issue day. */
        public Builder issuedOn(LocalDate value) {
            this.issuedOn = Optional.of(requireNonNull(value, "issuedOn must not be null"));
            return this;
        }

        /** Sets the due day. */
        public Builder dueOn(LocalDate value) {
            this.dueOn = Optional.of(requireNonNull(value, "dueOn must not be null"));
            return this;
        }

        /** Sets the start. */
        public Builder startsAt(Instant value) {
            this.startsAt = Optional.of(requireNonNull(value, "startsAt must not be null"));
            return this;
        }

        /** Sets the end. */
        public Builder endsAt(Instant value) {
            this.endsAt = Optional.of(requireNonNull(value, "endsAt must not be null"));
            return this;
        }

        /** Sets the link into the host. */
        public Builder url(URI value) {
            this.url = Optional.of(requireNonNull(value, "url must not be null"));
            return this;
        }

        /** Sets the visibility ({@code CLIENT} unless set). */
        public Builder visibility(Visibility value) {
            this.visibility = requireNonNull(value, "visibility must not be null");
            return this;
        }

        /** The record content. */
        public NewLinkedRecord build() {
            return new NewLinkedRecord(type, hostId, title, status, amount, issuedOn, dueOn, startsAt, endsAt, url,
                    visibility);
        }
    }
}
