package io.clientworkspace.examples.portal.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.examples.portal.PortalNotificationSender;
import io.clientworkspace.notification.Delivery;
import io.clientworkspace.notification.Notification;
import io.clientworkspace.notification.NotificationItem;
import io.clientworkspace.notification.NotificationKind;
import io.clientworkspace.notification.NotificationMode;
import io.clientworkspace.notification.NotificationPreferences;
import io.clientworkspace.notification.PendingNotification;
import io.clientworkspace.notification.PreferencesUpdate;
import io.clientworkspace.notification.QuietHours;
import io.clientworkspace.workspace.Workspace;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in user's notifications: what the kit sent them (through the portal's {@link PortalNotificationSender})
 * and what is queued for them, merged and not yet due (a second change to the same file within the batching window
 * is the same queued line with a count of two); and their preferences per kind of event (immediately, in the daily
 * digest, or off), quiet hours, language and time zone.
 */
@Controller
public class NotificationsController {

    /** How many queued items the page lists. */
    static final int PENDING_SHOWN = 100;

    private final WorkspaceKit kit;
    private final PortalNotificationSender sender;

    public NotificationsController(WorkspaceKit kit, PortalNotificationSender sender) {
        this.kit = kit;
        this.sender = sender;
    }

    @GetMapping("/notifications")
    public String notifications(Actor actor, Model model) {
        Instant now = Instant.now();
        Map<WorkspaceId, Optional<String>> slugs = new HashMap<>();
        List<SentView> sent = new ArrayList<>();
        for (Notification n : sender.sentTo(actor.tenantId(), actor.userId())) {
            sent.add(new SentView(n.id().value(), n.mode() == NotificationMode.DIGEST ? "Daily digest" : "Notification",
                    Labels.ago(n.createdAt(), now), Labels.exact(n.createdAt()),
                    n.items().stream().map(i -> item(actor, i, slugs)).toList()));
        }
        List<ItemView> pending = kit.notifications().pending(actor, PENDING_SHOWN).stream()
                .map(p -> pending(actor, p, slugs)).toList();
        model.addAttribute("sent", sent);
        model.addAttribute("pending", pending);
        return "notifications";
    }

    @GetMapping("/settings/notifications")
    public String settings(Actor actor, Model model) {
        NotificationPreferences prefs = kit.notifications().preferences(actor);
        List<KindView> kinds = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            kinds.add(new KindView(kind.name(), kindLabel(kind), prefs.delivery(kind).name()));
        }
        model.addAttribute("kinds", kinds);
        model.addAttribute("deliveries", List.of(new Views.Option(Delivery.IMMEDIATE.name(), "Immediately"),
                new Views.Option(Delivery.DAILY_DIGEST.name(), "Daily digest"), new Views.Option(Delivery.OFF.name(), "Off")));
        model.addAttribute("quietFrom", prefs.quietHours().map(q -> q.from().toString()).orElse(""));
        model.addAttribute("quietTo", prefs.quietHours().map(q -> q.to().toString()).orElse(""));
        model.addAttribute("locale", prefs.locale().toLanguageTag());
        model.addAttribute("zone", prefs.zone().getId());
        model.addAttribute("version", prefs.version());
        return "notification-settings";
    }

    @PostMapping("/settings/notifications")
    public String save(Actor actor, @RequestParam MultiValueMap<String, String> form,
                       @RequestParam(defaultValue = "-1") long version, RedirectAttributes redirect) {
        try {
            kit.notifications().updatePreferences(actor, update(form), version);
            redirect.addFlashAttribute("notice", "Your notification settings are saved.");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", "Nothing was saved: " + FilesController.reasons(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", "Nothing was saved: your settings were changed elsewhere meanwhile; "
                    + "here they are as they are now.");
        }
        return "redirect:/settings/notifications";
    }

    /** Reads the form, collecting every field's error at once. */
    static PreferencesUpdate update(MultiValueMap<String, String> form) {
        List<FieldError> errors = new ArrayList<>();
        Map<NotificationKind, Delivery> perKind = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            String given = form.getFirst("kind." + kind.name());
            if (given == null || given.isBlank()) {
                continue;
            }
            try {
                perKind.put(kind, Delivery.valueOf(given));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("kind." + kind.name(), "must be one of IMMEDIATE, DAILY_DIGEST, OFF"));
            }
        }
        ZoneId zone = ZoneId.of("UTC");
        String zoneText = text(form, "zone");
        if (!zoneText.isEmpty()) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                errors.add(FieldError.of("zone", "is not a time zone (e.g. Europe/Berlin)"));
            }
        }
        Locale locale = Locale.ENGLISH;
        String localeText = text(form, "locale");
        if (!localeText.isEmpty()) {
            try {
                locale = new Locale.Builder().setLanguageTag(localeText).build();
            } catch (IllformedLocaleException e) {
                errors.add(FieldError.of("locale", "is not a language tag (e.g. en, de-CH)"));
            }
        }
        Optional<QuietHours> quiet = Optional.empty();
        String from = text(form, "quietFrom");
        String to = text(form, "quietTo");
        if (!from.isEmpty() || !to.isEmpty()) {
            LocalTime start = time("quietFrom", from, errors);
            LocalTime end = time("quietTo", to, errors);
            if (start != null && end != null) {
                if (start.equals(end)) {
                    errors.add(FieldError.of("quietHours", "from and to must differ"));
                } else {
                    quiet = Optional.of(new QuietHours(start, end, zone));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PreferencesUpdate(perKind, quiet, locale, zone);
    }

    private static @Nullable LocalTime time(String field, String value, List<FieldError> errors) {
        if (value.isEmpty()) {
            errors.add(FieldError.of(field, "is required when quiet hours are set"));
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "must be a time like 22:00"));
            return null;
        }
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private ItemView item(Actor actor, NotificationItem i, Map<WorkspaceId, Optional<String>> slugs) {
        return new ItemView(kindLabel(i.kind()), i.title(), i.workspaceName(), slug(actor, i.workspaceId(), slugs),
                i.count(), Labels.exact(i.lastAt()));
    }

    private ItemView pending(Actor actor, PendingNotification p, Map<WorkspaceId, Optional<String>> slugs) {
        Optional<String> slug = slug(actor, p.workspaceId(), slugs);
        String name = slug.flatMap(s -> kit.workspaces().findBySlug(actor, s)).map(Workspace::name).orElse("");
        return new ItemView(kindLabel(p.kind()), p.title(), name, slug, p.count(), Labels.exact(p.dueAt()));
    }

    private Optional<String> slug(Actor actor, WorkspaceId id, Map<WorkspaceId, Optional<String>> slugs) {
        return slugs.computeIfAbsent(id, w -> kit.workspaces().find(actor, w).map(Workspace::slug));
    }

    /** What a kind of notification is called on the pages. */
    static String kindLabel(NotificationKind kind) {
        return switch (kind) {
            case FILE_SHARED -> "A file was shared or updated";
            case APPROVAL_REQUESTED -> "Your approval is requested";
            case APPROVAL_DECIDED -> "An approval was decided";
            case MESSAGE_POSTED -> "A new message";
            case MENTIONED -> "You were mentioned";
            case REQUEST_SUBMITTED -> "A request was submitted";
            case REQUEST_UPDATED -> "A request was updated";
            case TASK_ASSIGNED -> "A task was assigned to you";
            case ITEM_OVERDUE -> "Something is overdue";
            case STATUS_UPDATE_POSTED -> "A project status update";
            case MILESTONE_DELIVERED -> "A milestone was delivered";
            case RECORD_CHANGED -> "An invoice, ticket or report changed";
        };
    }

    /** One notification the user was sent. */
    public record SentView(String id, String mode, String at, String exact, List<ItemView> items) {
    }

    /**
     * One line of a notification or of the queue: what happened, to what, where, how many times, and when (the
     * latest change of a sent line; when it is due for a queued one).
     */
    public record ItemView(String kind, String title, String workspace, Optional<String> slug, int count, String at) {
    }

    /** One kind of event and how the user hears about it. */
    public record KindView(String name, String label, String delivery) {
    }
}
