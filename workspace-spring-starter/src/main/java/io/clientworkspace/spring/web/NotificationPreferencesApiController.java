package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.notification.Delivery;
import io.clientworkspace.notification.NotificationKind;
import io.clientworkspace.notification.NotificationPreferences;
import io.clientworkspace.notification.PreferencesUpdate;
import io.clientworkspace.notification.QuietHours;
import io.clientworkspace.spring.web.NotificationDtos.NotificationPreferencesDto;
import io.clientworkspace.spring.web.NotificationDtos.QuietHoursRequest;
import io.clientworkspace.spring.web.NotificationDtos.UpdatePreferencesRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The caller's own notification preferences (every member, team or client; nobody reads or sets another's): per kind
 * of event immediately, in the daily digest or off, quiet hours, locale and the zone of the digest. The version is the
 * ETag; a change needs If-Match (428 without, 412 when stale). Every bad field is reported at once.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/me/notification-preferences")
public class NotificationPreferencesApiController implements KitController {

    /** The longest locale tag or zone id accepted. */
    private static final int MAX_ID_LENGTH = 100;

    private final WorkspaceKit kit;

    public NotificationPreferencesApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    /** The caller's preferences (defaults, version 0, until saved). */
    @Operation(summary = "My notification preferences (per kind, quiet hours, locale; ETag)")
    @GetMapping
    public ResponseEntity<NotificationPreferencesDto> get(Actor actor) {
        return withETag(kit.notifications().preferences(actor));
    }

    /** Replaces the caller's preferences. */
    @Operation(summary = "Replace my notification preferences (If-Match)")
    @PutMapping
    public ResponseEntity<NotificationPreferencesDto> update(Actor actor,
                                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                             @RequestBody UpdatePreferencesRequest body) {
        long expected = Inputs.ifMatch(ifMatch);
        NotificationPreferences current = kit.notifications().preferences(actor);
        PreferencesUpdate update = update(body, current);
        return withETag(kit.notifications().updatePreferences(actor, update, expected));
    }

    static PreferencesUpdate update(UpdatePreferencesRequest body, NotificationPreferences current) {
        List<FieldError> errors = new ArrayList<>();
        Map<NotificationKind, Delivery> perKind = new EnumMap<>(NotificationKind.class);
        if (body.perKind() != null) {
            boolean unknownKind = false;
            for (Map.Entry<String, String> e : body.perKind().entrySet()) {
                Optional<NotificationKind> kind = parse(e.getKey(), NotificationKind.class);
                if (kind.isEmpty()) {
                    if (!unknownKind) {
                        errors.add(FieldError.of("perKind", "names a kind that does not exist; kinds are "
                                + String.join(", ", java.util.Arrays.stream(NotificationKind.values()).map(Enum::name)
                                .toList())));
                    }
                    unknownKind = true;
                    continue;
                }
                Optional<Delivery> delivery = e.getValue() == null ? Optional.empty() : parse(e.getValue(), Delivery.class);
                if (delivery.isEmpty()) {
                    errors.add(FieldError.of("perKind." + kind.get().name(), "must be one of " + NotificationDtos.deliveries()));
                } else {
                    perKind.put(kind.get(), delivery.get());
                }
            }
        }
        Optional<QuietHours> quietHours = Optional.empty();
        if (body.quietHours() != null) {
            quietHours = quietHours(body.quietHours(), errors);
        }
        Locale locale = current.locale();
        if (body.locale() != null) {
            try {
                if (body.locale().length() > MAX_ID_LENGTH) {
                    throw new IllformedLocaleException("too long");
                }
                locale = new Locale.Builder().setLanguageTag(body.locale().strip()).build();
            } catch (IllformedLocaleException e) {
                errors.add(FieldError.of("locale", "must be a language tag such as en-GB"));
            }
        }
        ZoneId zone = current.zone();
        if (body.zone() != null) {
            Optional<ZoneId> parsed = zone(body.zone());
            if (parsed.isEmpty()) {
                errors.add(FieldError.of("zone", "must be a time zone id such as Europe/Berlin"));
            } else {
                zone = parsed.get();
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PreferencesUpdate(perKind, quietHours, locale, zone);
    }

    private static Optional<QuietHours> quietHours(QuietHoursRequest q, List<FieldError> errors) {
        Optional<LocalTime> from = time(q.from(), "quietHours.from", errors);
        Optional<LocalTime> to = time(q.to(), "quietHours.to", errors);
        Optional<ZoneId> zone = q.zone() == null ? Optional.empty() : zone(q.zone());
        if (zone.isEmpty()) {
            errors.add(FieldError.of("quietHours.zone", "must be a time zone id such as Europe/Berlin"));
        }
        if (from.isEmpty() || to.isEmpty() || zone.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new QuietHours(from.get(), to.get(), zone.get()));
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> time(@Nullable String value, String field, List<FieldError> errors) {
        if (value == null || value.length() > 20) {
            errors.add(FieldError.of(field, "must be a local time such as 22:00"));
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(value.strip()));
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "must be a local time such as 22:00"));
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(String value) {
        if (value.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(value.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> parse(String value, Class<E> type) {
        if (value.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<NotificationPreferencesDto> withETag(NotificationPreferences p) {
        return ResponseEntity.ok().eTag(Inputs.etag(p.version())).body(NotificationPreferencesDto.of(p));
    }
}
