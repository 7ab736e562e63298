package io.clientworkspace.tck;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.notification.Delivery;
import io.clientworkspace.notification.DeliveryReport;
import io.clientworkspace.notification.Notification;
import io.clientworkspace.notification.NotificationItem;
import io.clientworkspace.notification.NotificationKind;
import io.clientworkspace.notification.NotificationMode;
import io.clientworkspace.notification.NotificationPreferences;
import io.clientworkspace.notification.NotificationSettings;
import io.clientworkspace.notification.PreferencesUpdate;
import io.clientworkspace.notification.QuietHours;
import io.clientworkspace.notification.SubjectType;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The notifications feature through {@link WorkspaceKit#notifications()} on the stores under test: who is told
 * (never the actor, never a client about an internal item, only the addressed), batching, digests (each change
 * once), quiet hours, OFF, re-checks before sending, retries, concurrent delivery runs, preferences and
 * non-interference (a client's notifications are the same whether or not internal items exist). Extend it and
 * implement {@link #createStores()}.
 */
public abstract class NotificationsContract extends StoreContractSupport {

    /** 2031-03-03 is a Monday; the world starts at 09:00 UTC. */
    static final Instant START = Instant.parse("2031-03-03T09:00:00Z");

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now = START;

        synchronized void set(Instant at) {
            now = at;
        }

        synchronized void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }
    }

    /** Keeps what it is given; fails while {@link #failing} is set. */
    static final class RecordingSender implements io.clientworkspace.spi.NotificationSender {
        final List<Notification> sent = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean failing = new AtomicBoolean();
        volatile Consumer<Notification> during = n -> { };

        @Override
        public void send(Notification notification) {
            during.accept(notification);
            if (failing.get()) {
                throw new IllegalStateException("the mail server is down");
            }
            sent.add(notification);
        }

        List<Notification> to(Actor actor) {
            synchronized (sent) {
                return sent.stream().filter(n -> n.recipient().equals(actor.userId())).toList();
            }
        }
    }

    /** One tenant's workspace with a lead, a team member, a client contributor and a client viewer. */
    record World(WorkspaceKit kit, MovableClock clock, RecordingSender sender, Workspace ws, Actor lead, Actor tom,
                 Actor client, Actor viewer) {

        DeliveryReport deliverAfter(Duration wait) {
            clock.advance(wait);
            return kit.notifications().deliverDue(1000);
        }

        FileId upload(Actor actor, String name, Visibility visibility) {
            NewUpload upload = new NewUpload(name, "text/plain", Optional.empty(), visibility);
            return kit.files().upload(actor, ws.id(), upload,
                    new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8))).id();
        }

        void newVersion(Actor actor, FileId file, String name) {
            kit.files().uploadVersion(actor, ws.id(), file, name, "text/plain",
                    new ByteArrayInputStream(("v" + name).getBytes(StandardCharsets.UTF_8)));
        }

        void prefer(Actor actor, NotificationKind kind, Delivery delivery) {
            NotificationPreferences now = kit.notifications().preferences(actor);
            kit.notifications().updatePreferences(actor, new PreferencesUpdate(Map.of(kind, delivery),
                    now.quietHours(), now.locale(), now.zone()), now.version());
        }
    }

    private static final Duration WINDOW = Duration.ofMinutes(10);

    protected World w;

    protected World world(String prefix) {
        MovableClock clock = new MovableClock();
        RecordingSender sender = new RecordingSender();
        WorkspaceKit kit = WorkspaceKit.builder().stores(stores()).clock(clock).cacheTicker(() -> 0L)
                .userDirectory((tenant, user) -> true).notificationSender(sender)
                .notificationSettings(NotificationSettings.defaults().withBatchingWindow(WINDOW)).build();
        var tenant = kit.tenants().create("Agency " + prefix, UserId.of("lead" + prefix)).id();
        Actor lead = Actor.team(tenant, "lead" + prefix);
        Workspace ws = kit.workspaces().create(lead, NewWorkspace.of("Acme " + prefix, "acme-" + prefix.toLowerCase(Locale.ROOT)));
        kit.tenants().addTeamMember(lead, UserId.of("tom" + prefix), TenantRole.TEAM_MEMBER);
        Actor tom = Actor.team(tenant, "tom" + prefix);
        Actor client = Actor.client(tenant, "client" + prefix);
        Actor viewer = Actor.client(tenant, "viewer" + prefix);
        kit.members().add(lead, ws.id(), tom.userId(), WorkspaceRole.MEMBER);
        kit.members().add(lead, ws.id(), client.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        kit.members().add(lead, ws.id(), viewer.userId(), WorkspaceRole.CLIENT_VIEWER);
        return new World(kit, clock, sender, ws, lead, tom, client, viewer);
    }

    @BeforeEach
    final void buildWorld() {
        w = world("A");
    }

    private static List<NotificationItem> items(List<Notification> notifications) {
        return notifications.stream().flatMap(n -> n.items().stream()).toList();
    }

    private static List<String> fields(Throwable thrown) {
        assertThat(thrown).isInstanceOf(ValidationException.class);
        return ((ValidationException) thrown).fieldErrors().stream().map(FieldError::field).toList();
    }

    // ------------------------------------------------------------------------------------------ who is told

    @Test
    void aSharedFileNotifiesEveryOtherMemberOnceItsWindowHasPassed() {
        w.upload(w.lead(), "brief.txt", Visibility.CLIENT);

        w.deliverAfter(WINDOW);

        for (Actor member : List.of(w.tom(), w.client(), w.viewer())) {
            assertThat(items(w.sender().to(member))).singleElement().satisfies(i -> {
                assertThat(i.kind()).isEqualTo(NotificationKind.FILE_SHARED);
                assertThat(i.title()).isEqualTo("brief.txt");
                assertThat(i.workspaceName()).isEqualTo("Acme A");
                assertThat(i.subject().type()).isEqualTo(SubjectType.FILE);
            });
        }
    }

    @Test
    void theActorIsNeverNotifiedOfTheirOwnChange() {
        w.upload(w.lead(), "brief.txt", Visibility.CLIENT);

        w.deliverAfter(WINDOW);

        assertThat(w.sender().to(w.lead())).isEmpty();
    }

    @Test
    void aClientIsNeverNotifiedAboutAnInternalFile() {
        w.upload(w.lead(), "margins.txt", Visibility.TEAM);

        w.deliverAfter(WINDOW);

        assertThat(w.sender().to(w.client())).isEmpty();
        assertThat(w.sender().to(w.viewer())).isEmpty();
        assertThat(items(w.sender().to(w.tom()))).extracting(NotificationItem::title).containsExactly("margins.txt");
    }

    @Test
    void aClientIsNeverNotifiedAboutAnInternalNote() {
        var general = w.kit().conversations().general(w.lead(), w.ws().id());
        w.kit().conversations().post(w.lead(), w.ws().id(), general.id(), NewMessage.note("their budget is tight"));

        w.deliverAfter(WINDOW);

        assertThat(w.sender().to(w.client())).isEmpty();
        assertThat(items(w.sender().to(w.tom()))).extracting(NotificationItem::kind)
                .containsExactly(NotificationKind.MESSAGE_POSTED);
    }

    @Test
    void noNotificationCarriesAMessageBody() {
        var general = w.kit().conversations().general(w.lead(), w.ws().id());
        w.kit().conversations().post(w.lead(), w.ws().id(), general.id(), NewMessage.of("the secret body"));

        w.deliverAfter(WINDOW);

        assertThat(w.sender().sent).isNotEmpty().allSatisfy(n -> assertThat(n.toString()).doesNotContain("secret"));
    }

    @Test
    void anApprovalRequestNotifiesOnlyItsApprovers() {
        FileId file = w.upload(w.lead(), "logo.txt", Visibility.CLIENT);
        w.deliverAfter(WINDOW);
        w.sender().sent.clear();

        w.kit().approvals().requestForFile(w.lead(), w.ws().id(), file, 1,
                NewApproval.of("Approve the logo", Set.of(w.client().userId())));
        w.deliverAfter(WINDOW);

        assertThat(items(w.sender().to(w.client()))).extracting(NotificationItem::kind, NotificationItem::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NotificationKind.APPROVAL_REQUESTED, "Approve the logo"));
        assertThat(w.sender().to(w.viewer())).isEmpty();
        assertThat(w.sender().to(w.tom())).isEmpty();
    }

    @Test
    void aMentionNotifiesTheMentionedMember() {
        var general = w.kit().conversations().general(w.lead(), w.ws().id());
        w.prefer(w.viewer(), NotificationKind.MESSAGE_POSTED, Delivery.OFF);
        w.kit().conversations().post(w.lead(), w.ws().id(), general.id(),
                new NewMessage("see this", Visibility.CLIENT, List.of(), List.of(w.viewer().userId())));

        w.deliverAfter(WINDOW);

        assertThat(items(w.sender().to(w.viewer()))).extracting(NotificationItem::kind)
                .containsExactly(NotificationKind.MENTIONED);
    }

    @Test
    void anInvoiceIsToldOnlyToMembersWhoMaySeeMoney() {
        Actor boss = Actor.client(w.lead().tenantId(), "bossA");
        w.kit().members().add(w.lead(), w.ws().id(), boss.userId(), WorkspaceRole.CLIENT_ADMIN);
        w.kit().records().upsert(w.lead(), w.ws().id(), io.clientworkspace.record.NewLinkedRecord.builder(
                        io.clientworkspace.record.RecordType.INVOICE, "INV-1", "Brand refresh deposit", "OPEN")
                .amount(io.clientworkspace.record.Money.of("1200.00", "EUR")).build(), java.util.OptionalLong.empty());

        w.deliverAfter(Duration.ofDays(2));

        assertThat(items(w.sender().to(boss))).extracting(NotificationItem::kind, NotificationItem::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NotificationKind.RECORD_CHANGED, "Brand refresh deposit"));
        assertThat(w.sender().to(w.client())).isEmpty();
        assertThat(w.sender().to(w.viewer())).isEmpty();
        assertThat(w.sender().to(w.tom())).hasSize(1);
    }

    @Test
    void aClientIsNeverNotifiedAboutAnInternalRecord() {
        w.kit().records().upsert(w.lead(), w.ws().id(), io.clientworkspace.record.NewLinkedRecord.builder(
                        io.clientworkspace.record.RecordType.TICKET, "T-9", "Margin dispute", "OPEN")
                .visibility(Visibility.TEAM).build(), java.util.OptionalLong.empty());

        w.deliverAfter(Duration.ofDays(2));

        assertThat(w.sender().to(w.client())).isEmpty();
        assertThat(w.sender().to(w.viewer())).isEmpty();
        assertThat(items(w.sender().to(w.tom()))).extracting(NotificationItem::title).containsExactly("Margin dispute");
    }

    // ------------------------------------------------------------------------------------------ batching

    @Test
    void nothingIsSentBeforeTheBatchingWindowHasPassed() {
        w.upload(w.lead(), "brief.txt", Visibility.CLIENT);

        DeliveryReport report = w.deliverAfter(WINDOW.minusSeconds(1));

        assertThat(report).isEqualTo(DeliveryReport.NOTHING);
        assertThat(w.sender().sent).isEmpty();
    }

    @Test
    void aSecondVersionOfTheSameFileWithinTheWindowIsOneNotification() {
        FileId file = w.upload(w.lead(), "brief.txt", Visibility.CLIENT);
        w.clock().advance(Duration.ofMinutes(4));
        w.newVersion(w.lead(), file, "brief-v2.txt");

        w.deliverAfter(WINDOW);

        assertThat(w.sender().to(w.client())).singleElement().satisfies(n -> {
            assertThat(n.mode()).isEqualTo(NotificationMode.IMMEDIATE);
            assertThat(n.items()).singleElement().satisfies(i -> {
                assertThat(i.count()).isEqualTo(2);
                assertThat(i.title()).isEqualTo("brief-v2.txt");
                assertThat(i.firstAt()).isEqualTo(START);
                assertThat(i.lastAt()).isEqualTo(START.plus(Duration.ofMinutes(4)));
            });
        });
    }

    @Test
    void aChangeAfterTheWindowIsANewNotification() {
        FileId file = w.upload(w.lead(), "brief.txt", Visibility.CLIENT);
        w.deliverAfter(WINDOW);
        w.newVersion(w.lead(), file, "brief-v2.txt");

        w.deliverAfter(WINDOW);

        assertThat(w.sender().to(w.client())).hasSize(2)
                .allSatisfy(n -> assertThat(n.items()).singleElement().extracting(NotificationItem::count).isEqualTo(1));
    }

    @Test
    void aDeliveredItemIsNeverSentAgain() {
        w.upload(w.lead(), "brief.txt", Visibility.CLIENT);
        w.deliverAfter(WINDOW);

        DeliveryReport again = w.deliverAfter(Duration.ofDays(2));

        assertThat(again).isEqualTo(DeliveryReport.NOTHING);
        assertThat(w.sender().to(w.client())).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------ digests

    @Test
    void aDigestContainsEachChangeOnce() {
        w.prefer(w.client(), NotificationKind.FILE_SHARED, Delivery.DAILY_DIGEST);
        FileId brief = w.upload(w.lead(), "brief.txt", Visibility.CLIENT);
        w.clock().advance(Duration.ofHours(2));
        w.newVersion(w.lead(), brief, "brief-v2.txt");
        w.clock().advance(Duration.ofHours(2));
        w.upload(w.tom(), "plan.txt", Visibility.CLIENT);

        w.deliverAfter(Duration.ofHours(1));
        assertThat(w.sender().to(w.client())).isEmpty();
        w.clock().set(Instant.parse("2031-03-04T08:00:00Z"));
        w.kit().notifications().deliverDue(1000);
        w.kit().notifications().deliverDue(1000);

        assertThat(w.sender().to(w.client())).singleElement().satisfies(n -> {
            assertThat(n.mode()).isEqualTo(NotificationMode.DIGEST);
            assertThat(n.items()).extracting(NotificationItem::title, NotificationItem::count).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("brief-v2.txt", 2), org.assertj.core.groups.Tuple.tuple("plan.txt", 1));
        });
    }

    @Test
    void aDigestIsSentAtTheDigestTimeOfTheMembersZone() {
        NotificationPreferences now = w.kit().notifications().preferences(w.client());
        w.kit().notifications().updatePreferences(w.client(), new PreferencesUpdate(
                Map.of(NotificationKind.FILE_SHARED, Delivery.DAILY_DIGEST), Optional.empty(), Locale.GERMAN,
                ZoneId.of("Europe/Berlin")), now.version());
        w.upload(w.lead(), "brief.txt", Visibility.CLIENT);

        w.clock().set(Instant.parse("2031-03-04T06:59:59Z"));
        w.kit().notifications().deliverDue(1000);
        assertThat(w.sender().to(w.client())).isEmpty();
        w.clock().set(Instant.parse("2031-03-04T07:00:00Z"));
        w.kit().notifications().deliverDue(1000);

        assertThat(w.sender().to(w.client())).singleElement().satisfies(n -> {
            assertThat(n.locale()).isEqualTo(Locale.GERMAN);
            assertThat(n.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        });
    }

    // ------------------------------------------------------------------------------------------ preferences at work

    @Test
    void aKindTurnedOffSendsNothing() {
        w.prefer(w.client(), NotificationKind.FILE_SHARED, Delivery.OFF);
        w.upload(w.lead(), "brief.txt", Visibility.CLIENT);

        w.deliverAfter(Duration.ofDays(2));

        assertThat(w.sender().to(w.client())).isEmpty();
        assertThat(w.kit().notifications().pending(w.client(), 500)).isEmpty();
    }

    @Test
    void quietHoursDelayANotificationUntilTheyEnd() {
        NotificationPreferences now = w.kit().notifications().preferences(w.client());
        w.kit().notifications().updatePreferences(w.client(), new PreferencesUpdate(Map.of(),
                Optional.of(new QuietHours(LocalTime.of(9, 5), LocalTime.of(12, 0), ZoneOffset.UTC)), Locale.ENGLISH,
                ZoneOffset.UTC), now.version());
        w.upload(w.lead(), "brief.txt", Visibility.CLIENT);

        w.deliverAfter(Duration.ofMinutes(30));
        assertThat(w.sender().to(w.client())).isEmpty();
        assertThat(w.sender().to(w.tom())).hasSize(1);
        w.clock().set(Instant.parse("2031-03-03T12:00:00Z"));
        w.kit().notifications().deliverDue(1000);

        assertThat(w.sender().to(w.client())).hasSize(1);
    }

    @Test
    void quietHoursMayWrapMidnight() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneOffset.UTC);

        assertThat(night.contains(Instant.parse("2031-03-03T23:30:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2031-03-03T06:59:59Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2031-03-03T07:00:00Z"))).isFalse();
        assertThat(night.nextAllowed(Instant.parse("2031-03-03T23:30:00Z"))).isEqualTo(Instant.parse("2031-03-04T07:00:00Z"));
    }

    // ------------------------------------------------------------------------------------------ re-checked before sending

    @Test
    void aFileMadeInternalBeforeItIsSentIsDroppedForClients() {
        FileId file = w.upload(w.lead(), "brief.txt", Visibility.CLIENT);
        FileAsset asset = w.kit().files().get(w.lead(), w.ws().id(), file);
        w.kit().files().changeVisibility(w.lead(), w.ws().id(), file, Visibility.TEAM, asset.version());

        DeliveryReport report = w.deliverAfter(WINDOW);

        assertThat(w.sender().to(w.client())).isEmpty();
        assertThat(w.sender().to(w.viewer())).isEmpty();
        assertThat(w.sender().to(w.tom())).hasSize(1);
        assertThat(report.dropped()).isEqualTo(2);
    }

    private io.clientworkspace.project.Task clientTaskInProject(String title) {
        io.clientworkspace.project.Project project = w.kit().projects().create(w.lead(), w.ws().id(),
                new io.clientworkspace.project.NewProject("Brand", "", Visibility.CLIENT, Optional.empty(),
                        Optional.empty(), w.lead().userId()));
        io.clientworkspace.project.TaskList list = w.kit().tasks().createList(w.lead(), w.ws().id(),
                new io.clientworkspace.project.NewTaskList(Optional.of(project.id()), "Launch", Visibility.CLIENT));
        return w.kit().tasks().addTask(w.lead(), w.ws().id(), list.id(), new io.clientworkspace.project.NewTask(title,
                "", io.clientworkspace.project.TaskSide.CLIENT, Optional.of(w.client().userId()), Optional.empty(),
                Visibility.CLIENT));
    }

    @Test
    void aTaskWhoseProjectWasMadeInternalBeforeItIsSentIsDroppedForClients() {
        io.clientworkspace.project.Task task = clientTaskInProject("Approve the logo");
        io.clientworkspace.project.Project project = w.kit().projects().list(w.lead(), w.ws().id(),
                io.clientworkspace.PageRequest.first(10)).items().get(0);
        w.kit().projects().update(w.lead(), w.ws().id(), project.id(), new io.clientworkspace.project.NewProject(
                project.name(), project.description(), Visibility.TEAM, project.startDate(), project.targetDate(),
                project.owner()), project.version());

        DeliveryReport report = w.deliverAfter(Duration.ofDays(2));

        assertThat(items(w.sender().to(w.client()))).extracting(NotificationItem::subject)
                .doesNotContain(new io.clientworkspace.notification.NotificationSubject(SubjectType.TASK,
                        task.id().value()));
        assertThat(report.dropped()).isPositive();
    }

    @Test
    void aTaskStillVisibleInItsProjectIsToldToItsAssignee() {
        io.clientworkspace.project.Task task = clientTaskInProject("Approve the logo");

        w.deliverAfter(Duration.ofDays(2));

        assertThat(items(w.sender().to(w.client()))).extracting(NotificationItem::subject)
                .contains(new io.clientworkspace.notification.NotificationSubject(SubjectType.TASK, task.id().value()));
    }

    @Test
    void aFileTrashedBeforeItIsSentIsDroppedForClients() {
        FileId file = w.upload(w.lead(), "brief.txt", Visibility.CLIENT);
        w.kit().files().trash(w.lead(), w.ws().id(), file);

        w.deliverAfter(WINDOW);

        assertThat(w.sender().to(w.client())).isEmpty();
        assertThat(w.sender().to(w.viewer())).isEmpty();
    }

    @Test
    void aTaskDeletedBeforeItIsSentIsToldToNobody() {
        io.clientworkspace.project.Task task = clientTaskInProject("Approve the logo");
        w.kit().tasks().delete(w.lead(), w.ws().id(), task.id(), task.version());

        w.deliverAfter(Duration.ofDays(2));

        assertThat(items(w.sender().to(w.client()))).extracting(NotificationItem::subject)
                .doesNotContain(new io.clientworkspace.notification.NotificationSubject(SubjectType.TASK,
                        task.id().value()));
    }

    @Test
    void aRecordMadeInternalAndVisibleAgainStillTellsClientsItsLaterChange() {
        upsertTicket("Login broken", Visibility.CLIENT);
        upsertTicket("Login broken", Visibility.TEAM);
        upsertTicket("Login fixed", Visibility.CLIENT);

        w.deliverAfter(Duration.ofDays(2));

        assertThat(items(w.sender().to(w.client()))).extracting(NotificationItem::title).containsExactly("Login fixed");
    }

    private void upsertTicket(String title, Visibility visibility) {
        w.kit().records().upsert(w.lead(), w.ws().id(), io.clientworkspace.record.NewLinkedRecord.builder(
                        io.clientworkspace.record.RecordType.TICKET, "T-1", title, "OPEN")
                .visibility(visibility).build(), java.util.OptionalLong.empty());
    }

    @Test
    void aMemberRemovedBeforeSendingGetsNothing() {
        w.upload(w.lead(), "brief.txt", Visibility.CLIENT);
        w.kit().members().remove(w.lead(), w.ws().id(), w.viewer().userId());

        w.deliverAfter(WINDOW);

        assertThat(w.sender().to(w.viewer())).isEmpty();
        assertThat(w.sender().to(w.client())).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------ failures, claims

    @Test
    void aFailingSenderKeepsTheItemsAndTheyAreRetriedWithBackoff() {
        w.upload(w.lead(), "brief.txt", Visibility.CLIENT);
        w.sender().failing.set(true);

        DeliveryReport failed = w.deliverAfter(WINDOW);
        assertThat(failed.failed()).isEqualTo(3);
        assertThat(w.kit().notifications().pending(w.client(), 500)).singleElement()
                .satisfies(p -> assertThat(p.attempts()).isEqualTo(1));
        w.sender().failing.set(false);
        assertThat(w.deliverAfter(Duration.ofSeconds(59)).sent()).isZero();
        DeliveryReport retried = w.deliverAfter(Duration.ofSeconds(1));

        assertThat(retried.sent()).isEqualTo(3);
        assertThat(items(w.sender().to(w.client()))).extracting(NotificationItem::title).containsExactly("brief.txt");
        assertThat(w.kit().notifications().pending(w.client(), 500)).isEmpty();
    }

    @Test
    void twoConcurrentDeliveryRunsSendEachNotificationOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            w.upload(w.lead(), "file-" + i + ".txt", Visibility.CLIENT);
        }
        w.clock().advance(WINDOW);

        var outcomes = Concurrently.run(4, i -> w.kit().notifications().deliverDue(7));
        assertThat(outcomes.failures()).isEmpty();
        while (w.kit().notifications().deliverDue(1000).sent() > 0) {
            // the runs above may have left some items behind: deliver the rest
        }

        assertThat(items(w.sender().to(w.client()))).hasSize(20)
                .extracting(NotificationItem::title).doesNotHaveDuplicates();
    }

    @Test
    void aDeliveryRunDoesNotSendWhatAnotherRunHoldsWhileSending() {
        w.upload(w.lead(), "brief.txt", Visibility.CLIENT);
        w.clock().advance(WINDOW);
        List<DeliveryReport> inner = new ArrayList<>();
        w.sender().during = n -> {
            if (inner.isEmpty()) {
                inner.add(DeliveryReport.NOTHING);
                inner.add(w.kit().notifications().deliverDue(1000));
            }
        };

        w.kit().notifications().deliverDue(1000);

        assertThat(inner.get(1).sent()).isZero();
        assertThat(items(w.sender().sent)).hasSize(3);
    }

    @Test
    void aLimitOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> w.kit().notifications().deliverDue(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(fields(catchThrowable(() -> w.kit().notifications().pending(w.client(), 501))))
                .containsExactly("limit");
    }

    // ------------------------------------------------------------------------------------------ preferences

    @Test
    void preferencesStartAtTheDefaults() {
        NotificationPreferences prefs = w.kit().notifications().preferences(w.client());

        assertThat(prefs.version()).isZero();
        assertThat(prefs.delivery(NotificationKind.APPROVAL_REQUESTED)).isEqualTo(Delivery.IMMEDIATE);
        assertThat(prefs.delivery(NotificationKind.STATUS_UPDATE_POSTED)).isEqualTo(Delivery.DAILY_DIGEST);
        assertThat(prefs.perKind()).hasSize(NotificationKind.values().length);
        assertThat(prefs.quietHours()).isEmpty();
        assertThat(prefs.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(prefs.zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aMemberChangesOnlyTheirOwnPreferences() {
        w.prefer(w.client(), NotificationKind.MESSAGE_POSTED, Delivery.OFF);

        assertThat(w.kit().notifications().preferences(w.client()).delivery(NotificationKind.MESSAGE_POSTED))
                .isEqualTo(Delivery.OFF);
        assertThat(w.kit().notifications().preferences(w.client()).version()).isEqualTo(1);
        assertThat(w.kit().notifications().preferences(w.viewer()).delivery(NotificationKind.MESSAGE_POSTED))
                .isEqualTo(Delivery.IMMEDIATE);
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        w.prefer(w.client(), NotificationKind.MESSAGE_POSTED, Delivery.OFF);

        assertConflict(ConflictException.Reason.STALE_VERSION, () -> w.kit().notifications().updatePreferences(
                w.client(), new PreferencesUpdate(Map.of(), Optional.empty(), Locale.FRENCH, ZoneOffset.UTC), 0));
        assertThat(w.kit().notifications().preferences(w.client()).locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aLocaleWithoutALanguageAndANegativeVersionAreFieldErrors() {
        assertThat(fields(catchThrowable(() -> w.kit().notifications().updatePreferences(w.client(),
                new PreferencesUpdate(Map.of(), Optional.empty(), Locale.ROOT, ZoneOffset.UTC), -1))))
                .containsExactly("locale", "expectedVersion");
        assertThat(w.kit().notifications().preferences(w.client()).version()).isZero();
    }

    @Test
    void quietHoursThatStartWhenTheyEndAreAFieldError() {
        assertThat(fields(catchThrowable(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON, ZoneOffset.UTC))))
                .containsExactly("quietHours");
    }

    @Test
    void aTeamActorOffTheRosterIsDenied() {
        Actor stranger = Actor.team(w.lead().tenantId(), "stranger");

        assertThatThrownBy(() -> w.kit().notifications().preferences(stranger))
                .isInstanceOf(AccessDeniedException.class);
    }

    // ------------------------------------------------------------------------------------------ non-interference

    @Test
    void aClientsNotificationsAreTheSameWhetherOrNotInternalItemsExist() {
        World plain = w;
        World mixed = world("B");
        for (World world : List.of(plain, mixed)) {
            FileId brief = world.upload(world.lead(), "brief.txt", Visibility.CLIENT);
            if (world == mixed) {
                world.upload(world.lead(), "margins.txt", Visibility.TEAM);
                var general = world.kit().conversations().general(world.lead(), world.ws().id());
                world.kit().conversations().post(world.lead(), world.ws().id(), general.id(), NewMessage.note("internal"));
            }
            world.clock().advance(Duration.ofMinutes(3));
            world.newVersion(world.tom(), brief, "brief-v2.txt");
            if (world == mixed) {
                FileId secret = world.upload(world.tom(), "secret.txt", Visibility.CLIENT);
                FileAsset asset = world.kit().files().get(world.lead(), world.ws().id(), secret);
                world.kit().files().changeVisibility(world.lead(), world.ws().id(), secret, Visibility.TEAM,
                        asset.version());
            }
            world.deliverAfter(WINDOW);
        }

        assertThat(shape(plain.sender().to(plain.client()))).isEqualTo(shape(mixed.sender().to(mixed.client())));
        assertThat(shape(plain.sender().to(plain.viewer()))).isEqualTo(shape(mixed.sender().to(mixed.viewer())));
    }

    /** What a notification tells, without the ids and names that differ between two worlds. */
    private static List<String> shape(List<Notification> notifications) {
        return notifications.stream().map(n -> n.mode() + " " + n.createdAt() + " " + n.items().stream()
                .map(i -> i.kind() + ":" + i.subject().type() + ":" + i.title() + ":" + i.count() + ":" + i.firstAt()
                        + ":" + i.lastAt()).toList()).toList();
    }
}
