package io.clientworkspace.tck;

import io.clientworkspace.Actor;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.IdGenerator;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.file.FileDownload;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.Folder;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.NonInterferenceScript.World;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Non-interference as a property: whatever a client may call answers exactly the same whether or not the
 * workspace holds internal items. Extend it and implement {@link #createStores()}.
 *
 * <p>Each run builds two workspaces (in two tenants of the stores under test, each through its own
 * {@link WorkspaceKit} with a test clock and sequential ids) with the same seeded
 * {@link NonInterferenceScript}; the second also gets internal folders, files, versions, approvals of
 * internal files, team-only activity, trashed internal files and an external reference. The client's own
 * operations during the script (creating folders with colliding names, renaming, moving and deleting
 * folders, uploading, trashing, deciding, downloading) are recorded; then both clients (a client admin
 * and a client viewer) ask everything {@link #askEverything} lists, the admin changes things (colliding
 * folder names, deleting folders that look empty, renaming) and they ask again. Both {@link Transcript}s
 * must be equal line by line after ids, cursors and storage keys are numbered by first appearance.
 *
 * <p>To cover a new client-callable operation, add it to {@link #askEverything} (reads) or
 * {@link #changeEverything} (writes), or override {@link #askMore} in a store's own test.
 */
public abstract class NonInterferenceContract extends StoreContractSupport {

    private static final Pattern IDS = Pattern.compile("nid[AB]\\d{9}");
    private static final int STEPS = 40;
    private static final int MAX_PAGES = 2_000;

    /** Test clock, set by the script to the same instant at the same step in both worlds. */
    private static final class StepClock extends Clock {
        private volatile Instant now;

        StepClock(Instant start) {
            this.now = start;
        }

        void set(Instant at) {
            now = at;
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
        public Instant instant() {
            return now;
        }
    }

    /** A world, its transcript and its id generator. */
    private record Run(World world, Transcript transcript, IdGenerator ids) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 42L, 20261206L})
    void aClientsAnswersAreTheSameWhetherOrNotTheWorkspaceHoldsInternalItems(long seed) {
        Stores stores = stores();
        Run plain = run(stores, seed, false);
        Run mixed = run(stores, seed, true);
        // Ids the client must not tell from ids that do not exist: in the mixed world the internal items',
        // in the plain world as many fresh ids of the same shape.
        List<String> hiddenFolders = hidden(mixed.world().internalFolders.size(), plain);
        List<String> hiddenFiles = hidden(mixed.world().internalFiles.size(), plain);
        List<String> hiddenApprovals = hidden(mixed.world().internalApprovals.size(), plain);
        for (Run r : List.of(plain, mixed)) {
            boolean isMixed = r == mixed;
            List<String> folders = isMixed ? mixed.world().internalFolders.stream().map(FolderId::value).toList() : hiddenFolders;
            List<String> files = isMixed ? mixed.world().internalFiles.stream().map(FileId::value).toList() : hiddenFiles;
            List<String> approvals = isMixed ? mixed.world().internalApprovals.stream().map(ApprovalId::value).toList()
                    : hiddenApprovals;
            for (Actor actor : List.of(r.world().client, r.world().viewer)) {
                askEverything(r.world(), actor, r.transcript());
                askAbout(r.world(), actor, r.transcript(), folders, files, approvals);
            }
            changeEverything(r.world(), r.world().client, r.transcript());
            for (Actor actor : List.of(r.world().client, r.world().viewer)) {
                askEverything(r.world(), actor, r.transcript());
            }
        }
        Transcript.assertSameAnswers("seed " + seed, plain.transcript(), mixed.transcript());
    }

    /** In the plain world, fresh ids of the same shape, as many as the mixed world has internal items. */
    private static List<String> hidden(int count, Run plain) {
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fresh.add(plain.ids().newId());
        }
        return fresh;
    }

    private Run run(Stores stores, long seed, boolean internal) {
        StepClock clock = new StepClock(Instant.parse("2031-05-01T08:00:00Z"));
        AtomicLong counter = new AtomicLong();
        IdGenerator ids = () -> String.format("nid%s%09d", internal ? "B" : "A", counter.incrementAndGet());
        WorkspaceKit kit = WorkspaceKit.builder().stores(stores).clock(clock).idGenerator(ids).cacheTicker(() -> 0L)
                .userDirectory((tenant, user) -> true).build();
        Transcript transcript = Transcript.matchingIds(IDS);
        Instant start = Instant.parse("2031-05-01T08:00:00Z");
        World world = new NonInterferenceScript(kit, seed, internal, "", step -> clock.set(start.plusSeconds(60L * step)),
                transcript).build(STEPS);
        clock.set(start.plusSeconds(60L * (STEPS + 1)));
        return new Run(world, transcript, ids);
    }

    /**
     * Every read a client may make, each list through all its pages at several page sizes. Add new
     * client-callable reads here.
     */
    @SuppressWarnings("unchecked")
    protected void askEverything(World w, Actor actor, Transcript t) {
        WorkspaceKit kit = w.kit;
        WorkspaceId ws = w.workspace.id();
        String who = "as " + actor.userId() + ": ";
        for (int limit : new int[] {1, 2, 50}) {
            pages(t, who + "workspaces by " + limit, limit, p -> kit.workspaces().list(actor, p));
        }
        t.call(who + "get workspace", () -> kit.workspaces().get(actor, ws));
        t.call(who + "find workspace", () -> kit.workspaces().find(actor, ws));
        t.call(who + "find by slug", () -> kit.workspaces().findBySlug(actor, NonInterferenceScript.SLUG));
        t.call(who + "find by external ref", () -> kit.workspaces().findByExternalRef(actor, NonInterferenceScript.EXTERNAL_REF));
        t.call(who + "find by unknown external ref", () -> kit.workspaces().findByExternalRef(actor, "CRM-404"));
        for (int limit : new int[] {1, 3}) {
            pages(t, who + "members by " + limit, limit, p -> kit.members().list(actor, ws, p));
        }
        t.call(who + "find member", () -> kit.members().find(actor, ws, w.client.userId()));
        t.call(who + "pending invitations", () -> kit.invitations().listPending(actor, ws, PageRequest.first()));
        t.call(who + "file count", () -> kit.files().count(actor, ws));
        List<Optional<FolderId>> places = new ArrayList<>();
        places.add(Optional.empty());
        w.clientFolders.forEach(f -> places.add(Optional.of(f)));
        for (Optional<FolderId> place : places) {
            for (int limit : new int[] {1, 2, 50}) {
                pages(t, who + "folders in " + place + " by " + limit, limit, p -> kit.folders().list(actor, ws, place, p));
                pages(t, who + "files in " + place + " by " + limit, limit, p -> kit.files().list(actor, ws, place, p));
                pages(t, who + "trash in " + place + " by " + limit, limit, p -> kit.files().trash(actor, ws, place, p));
            }
        }
        for (FileId file : w.clientFiles) {
            t.call(who + "get file " + file, () -> kit.files().get(actor, ws, file));
            t.call(who + "find file " + file, () -> kit.files().find(actor, ws, file));
            List<FileVersion> versions = (List<FileVersion>) t.call(who + "versions of " + file,
                    () -> kit.files().versions(actor, ws, file));
            int latest = versions == null || versions.isEmpty() ? 1 : versions.get(0).number();
            for (int n = 1; n <= latest + 1; n++) {
                int number = n;
                t.call(who + "download " + file + " v" + n, () -> download(kit, actor, ws, file, OptionalInt.of(number)));
            }
            t.call(who + "download latest of " + file, () -> download(kit, actor, ws, file, OptionalInt.empty()));
            t.call(who + "is approved " + file, () -> kit.approvals().isApproved(actor, ws, file, 1));
            t.call(who + "downloads of " + file, () -> kit.downloads().log(actor, ws, file, PageRequest.first()));
        }
        for (Optional<ApprovalStatus> status : NonInterferenceScript.approvalFilters()) {
            for (int limit : new int[] {1, 50}) {
                pages(t, who + "approvals " + status + " by " + limit, limit, p -> kit.approvals().list(actor, ws, status, p));
            }
        }
        for (ApprovalId approval : w.clientApprovals) {
            t.call(who + "get approval " + approval, () -> kit.approvals().get(actor, ws, approval));
            t.call(who + "record of approval " + approval, () -> kit.approvals().record(actor, ws, approval));
        }
        for (int limit : new int[] {3, 500}) {
            pages(t, who + "activity by " + limit, limit, p -> kit.activity().feed(actor, ws, p));
        }
        t.call(who + "verify activity", () -> kit.activity().verify(actor, ws));
        // Clients never see the trash: the trash listings above answer empty pages in both worlds, which is
        // the point (a trashed internal file must not show either).
        askMore(w, actor, t);
    }

    /** A hook for a store's own test to ask more; does nothing by default. */
    protected void askMore(World w, Actor actor, Transcript t) {
    }

    /** The client addresses items by ids it was never shown: internal ones here, fresh ones there. */
    private void askAbout(World w, Actor actor, Transcript t, List<String> folders, List<String> files,
                          List<String> approvals) {
        WorkspaceKit kit = w.kit;
        WorkspaceId ws = w.workspace.id();
        String who = "as " + actor.userId() + ": ";
        for (String id : folders) {
            FolderId folder = FolderId.of(id);
            t.call(who + "folders in hidden " + id, () -> kit.folders().list(actor, ws, Optional.of(folder), PageRequest.first()));
            t.call(who + "files in hidden " + id, () -> kit.files().list(actor, ws, Optional.of(folder), PageRequest.first()));
            t.call(who + "create folder in hidden " + id, () -> kit.folders().create(actor, ws, "Pricing",
                    Optional.of(folder), Visibility.CLIENT));
            t.call(who + "rename hidden " + id, () -> kit.folders().rename(actor, ws, folder, "Mine", 0));
            t.call(who + "move hidden " + id, () -> kit.folders().move(actor, ws, folder, Optional.empty(), 0));
            t.call(who + "delete hidden " + id, () -> {
                kit.folders().delete(actor, ws, folder);
                return "deleted";
            });
            t.call(who + "upload into hidden " + id, () -> kit.files().upload(actor, ws,
                    new NewUpload("x.txt", "text/plain", Optional.of(folder), Visibility.CLIENT),
                    new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8))));
        }
        for (String id : files) {
            FileId file = FileId.of(id);
            t.call(who + "find hidden file " + id, () -> kit.files().find(actor, ws, file));
            t.call(who + "versions of hidden file " + id, () -> kit.files().versions(actor, ws, file));
            t.call(who + "download hidden file " + id, () -> download(kit, actor, ws, file, OptionalInt.of(1)));
            t.call(who + "trash hidden file " + id, () -> kit.files().trash(actor, ws, file));
            t.call(who + "restore hidden file " + id, () -> kit.files().restore(actor, ws, file));
            t.call(who + "share hidden file " + id, () -> kit.files().changeVisibility(actor, ws, file, Visibility.CLIENT, 0));
            t.call(who + "withdraw hidden file " + id, () -> kit.files().changeVisibility(actor, ws, file, Visibility.TEAM, 0));
            t.call(who + "purge hidden file " + id, () -> {
                kit.files().purge(actor, ws, file, 0);
                return "purged";
            });
            t.call(who + "new version of hidden file " + id, () -> kit.files().uploadVersion(actor, ws, file, "x.txt",
                    "text/plain", new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8))));
        }
        for (String id : approvals) {
            ApprovalId approval = ApprovalId.of(id);
            t.call(who + "find hidden approval " + id, () -> kit.approvals().find(actor, ws, approval));
            t.call(who + "record of hidden approval " + id, () -> kit.approvals().record(actor, ws, approval));
        }
    }

    /**
     * What a client changes after the script: folders named like every name (internal ones included) at
     * the top level and in every folder it sees, renames to every name, and deleting every folder it sees,
     * deepest last. Add new client-callable writes here.
     */
    protected void changeEverything(World w, Actor actor, Transcript t) {
        WorkspaceKit kit = w.kit;
        WorkspaceId ws = w.workspace.id();
        String who = "as " + actor.userId() + ": ";
        List<Optional<FolderId>> places = new ArrayList<>();
        places.add(Optional.empty());
        w.clientFolders.forEach(f -> places.add(Optional.of(f)));
        for (Optional<FolderId> place : places) {
            for (String name : NonInterferenceScript.FOLDER_NAMES) {
                Folder made = (Folder) t.call(who + "create " + name + " in " + place,
                        () -> kit.folders().create(actor, ws, name, place, Visibility.CLIENT));
                if (made != null) {
                    w.clientFolders.add(made.id());
                }
            }
        }
        for (FolderId folder : List.copyOf(w.clientFolders)) {
            for (String name : NonInterferenceScript.FOLDER_NAMES) {
                t.call(who + "rename " + folder + " to " + name, () -> kit.folders().rename(actor, ws, folder, name,
                        version(w, folder)));
            }
        }
        // Deleting, newest first, so that many look empty by then: some hold internal items only.
        for (int i = w.clientFolders.size() - 1; i >= 0; i--) {
            FolderId folder = w.clientFolders.get(i);
            Object outcome = t.call(who + "delete " + folder, () -> {
                kit.folders().delete(actor, ws, folder);
                return "deleted";
            });
            if (outcome != null) {
                w.clientFolders.remove(i);
            }
        }
        t.call(who + "create Pricing again", () -> kit.folders().create(actor, ws, "Pricing", Optional.empty(),
                Visibility.CLIENT));
    }

    private static long version(World w, FolderId folder) {
        return w.kit.folders().find(w.lead, w.workspace.id(), folder).map(Folder::version).orElse(0L);
    }

    private static String download(WorkspaceKit kit, Actor actor, WorkspaceId ws, FileId file, OptionalInt number) {
        try (FileDownload d = kit.downloads().download(actor, ws, file, number)) {
            return Transcript.describeDownload(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks a list through all its pages, writing each page (or the failure that ends it). */
    private static void pages(Transcript t, String label, int limit, Function<PageRequest, Page<?>> list) {
        PageRequest request = PageRequest.first(limit);
        for (int page = 1; page <= MAX_PAGES; page++) {
            PageRequest current = request;
            Page<?> answer = (Page<?>) t.call(label + " page " + page, () -> list.apply(current));
            if (answer == null || answer.nextCursor().isEmpty()) {
                return;
            }
            request = PageRequest.after(answer.nextCursor().get(), limit);
        }
        throw new AssertionError(label + " did not end within " + MAX_PAGES + " pages");
    }
}
