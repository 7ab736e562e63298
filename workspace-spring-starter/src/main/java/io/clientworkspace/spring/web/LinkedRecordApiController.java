package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.record.LinkedRecord;
import io.clientworkspace.record.Money;
import io.clientworkspace.record.NewLinkedRecord;
import io.clientworkspace.record.RecordType;
import io.clientworkspace.record.Upserted;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.RecordDtos.LinkedRecordDto;
import io.clientworkspace.spring.web.RecordDtos.UpsertRecordRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * The host's records linked into a workspace: invoices, tickets, contracts, reports and maintenance windows, addressed
 * by {@code (type, hostId)}. The host (a team user with MANAGE_RECORDS) pushes them with an idempotent PUT: 201 when
 * created, 200 when changed or unchanged (the same content again stores nothing); the version is the ETag and
 * If-Match is optional. Who sees what is the kit's: invoices need VIEW_BILLING, team-only records VIEW_INTERNAL,
 * amounts of other types are hidden without VIEW_BILLING; a record the caller may not see answers 404 exactly like
 * one that does not exist, and lists hold only what the caller sees. A host id containing {@code /} cannot be
 * addressed in a path.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/workspaces/{workspaceId}/records")
public class LinkedRecordApiController implements KitController {

    /** The longest date or instant text accepted. */
    private static final int MAX_DATE_LENGTH = 40;
    private static final int MAX_AMOUNT_DIGITS = 40;

    private final WorkspaceKit kit;

    public LinkedRecordApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** The records the caller may see, by type then host id; only those of {@code type} when given. */
    @Operation(summary = "Linked records the caller may see (?type=INVOICE|TICKET|CONTRACT|REPORT|MAINTENANCE_WINDOW)")
    @GetMapping
    public PageDto<LinkedRecordDto> list(Actor actor, @PathVariable String workspaceId,
                                         @RequestParam(required = false) @Nullable String type,
                                         @RequestParam(required = false) @Nullable String cursor,
                                         @RequestParam(defaultValue = "50") int limit) {
        Optional<RecordType> wanted = type == null || type.isEmpty() ? Optional.empty()
                : Optional.of(Inputs.enumValue(type, RecordType.class, "type"));
        return PageDto.of(kit.records().list(actor, WorkspaceId.of(workspaceId), wanted,
                WorkspaceApiController.page(cursor, limit)), LinkedRecordDto::of);
    }

    /** One record (its version as ETag). */
    @Operation(summary = "One linked record by type and host id (ETag)")
    @GetMapping("/{type}/{hostId}")
    public ResponseEntity<LinkedRecordDto> get(Actor actor, @PathVariable String workspaceId, @PathVariable String type,
                                               @PathVariable String hostId) {
        LinkedRecord record = kit.records().get(actor, WorkspaceId.of(workspaceId),
                Inputs.enumValue(type, RecordType.class, "type"), hostId);
        return ResponseEntity.ok().eTag(Inputs.etag(record.version())).body(LinkedRecordDto.of(record));
    }

    /** Creates or replaces the record's content; idempotent. */
    @Operation(summary = "Push a linked record (idempotent upsert by type and host id; If-Match optional)")
    @PutMapping("/{type}/{hostId}")
    public ResponseEntity<LinkedRecordDto> upsert(Actor actor, @PathVariable String workspaceId,
                                                  @PathVariable String type, @PathVariable String hostId,
                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                  @RequestBody UpsertRecordRequest body) {
        OptionalLong expected = Inputs.optionalIfMatch(ifMatch);
        WorkspaceId workspace = WorkspaceId.of(workspaceId);
        kit.records().requireMayChange(actor, workspace);
        NewLinkedRecord content = content(type, hostId, body);
        Upserted result = kit.records().upsert(actor, workspace, content, expected);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(Inputs.etag(result.record().version())).body(LinkedRecordDto.of(result.record()));
    }

    /** Unlinks the record. */
    @Operation(summary = "Unlink a linked record (If-Match optional)")
    @DeleteMapping("/{type}/{hostId}")
    public ResponseEntity<Void> delete(Actor actor, @PathVariable String workspaceId, @PathVariable String type,
                                       @PathVariable String hostId,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        OptionalLong expected = Inputs.optionalIfMatch(ifMatch);
        kit.records().delete(actor, WorkspaceId.of(workspaceId), Inputs.enumValue(type, RecordType.class, "type"),
                hostId, expected);
        return ResponseEntity.noContent().build();
    }

    /** The content of a PUT, naming every field the core cannot even be given at once. */
    static NewLinkedRecord content(String type, String hostId, UpsertRecordRequest body) {
        List<FieldError> errors = new ArrayList<>();
        RecordType recordType = null;
        try {
            recordType = Inputs.enumValue(type, RecordType.class, "type");
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
        }
        if (body.title() == null) {
            errors.add(FieldError.of("title", "is required"));
        }
        if (body.status() == null) {
            errors.add(FieldError.of("status", "is required"));
        }
        Optional<Money> amount = money(body.amount(), body.currency(), errors);
        Optional<LocalDate> issuedOn = date(body.issuedOn(), "issuedOn", errors);
        Optional<LocalDate> dueOn = date(body.dueOn(), "dueOn", errors);
        Optional<Instant> startsAt = instant(body.startsAt(), "startsAt", errors);
        Optional<Instant> endsAt = instant(body.endsAt(), "endsAt", errors);
        Optional<URI> url = Optional.empty();
        if (body.url() != null) {
            try {
                url = Optional.of(new URI(body.url()));
            } catch (URISyntaxException e) {
                errors.add(FieldError.of("url", "must be an http or https URL"));
            }
        }
        Visibility visibility = Visibility.CLIENT;
        if (body.visibility() != null) {
            try {
                visibility = Inputs.enumValue(body.visibility(), Visibility.class, "visibility");
            } catch (ValidationException e) {
                errors.addAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty() || recordType == null || body.title() == null || body.status() == null) {
            throw new ValidationException(errors);
        }
        return new NewLinkedRecord(recordType, hostId, body.title(), body.status(), amount, issuedOn, dueOn, startsAt,
                endsAt, url, visibility);
    }

    private static Optional<Money> money(@Nullable JsonInput amount, @Nullable String currency, List<FieldError> errors) {
        if (amount == null || amount instanceof JsonInput.Null) {
            if (currency != null) {
                errors.add(FieldError.of("amount", "is required with a currency"));
            }
            return Optional.empty();
        }
        // Bounded before anything computes with it: a JSON number keeps its exponent compactly (1e999999999), and
        // Money refuses such magnitudes too, but the adapter never hands the core a number of unbounded size.
        Optional<BigDecimal> value = Answers.decimal(amount).filter(LinkedRecordApiController::boundedDecimal);
        if (value.isEmpty()) {
            errors.add(FieldError.of("amount", "must be a decimal number: a JSON number or a string such as \"1250.00\""));
        }
        Optional<Currency> code = Optional.empty();
        if (currency == null) {
            errors.add(FieldError.of("currency", "is required with an amount"));
        } else {
            try {
                code = Optional.of(Currency.getInstance(currency.strip()));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("currency", "must be an ISO 4217 currency code such as EUR"));
            }
        }
        if (value.isEmpty() || code.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Money(value.get(), code.get()));
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
            return Optional.empty();
        }
    }

    /** At most {@value #MAX_AMOUNT_DIGITS} digits and an exponent within as many places (cheap: precision and scale). */
    static boolean boundedDecimal(BigDecimal value) {
        return value.precision() <= MAX_AMOUNT_DIGITS && Math.abs((long) value.scale()) <= MAX_AMOUNT_DIGITS;
    }

    private static Optional<LocalDate> date(@Nullable String value, String field, List<FieldError> errors) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            if (value.length() > MAX_DATE_LENGTH) {
                throw new DateTimeParseException("too long", "", 0);
            }
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "must be an ISO date such as 2026-12-31"));
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(@Nullable String value, String field, List<FieldError> errors) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            if (value.length() > MAX_DATE_LENGTH) {
                throw new DateTimeParseException("too long", "", 0);
            }
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "must be an ISO instant such as 2026-12-31T22:00:00Z"));
            return Optional.empty();
        }
    }
}
