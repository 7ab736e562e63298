package io.clientworkspace.tck;

import org.jspecify.annotations.Nullable;
import io.clientworkspace.Actor;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileDownload;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.Folder;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The seeded script of the non-interference property: it builds one workspace through a {@link WorkspaceKit}
 * by a fixed sequence of team and client operations and, when asked, interleaves internal items the
 * client must never learn about: internal folders (named like client ones, at the top level, inside
 * client folders and inside each other), internal files and versions (inside client folders too),
 * approvals of internal files, team-only activity (invitations, downloads), trashed internal files,
 * and an external reference on the workspace.
 *
 * <p>Two runs with the same seed perform exactly the same shared operations in the same order: the
 * shared operations draw from one {@link Random} and the internal ones from another, so interleaving
 * never changes what the shared part does. Every shared operation's outcome (its answer, or its
 * exception's type and message) is written to the {@link Transcript}, because the client's own
 * operations are part of what must not differ.
 *
 * <p>Used by {@link NonInterferenceContract} (services) and by the REST API's non-interference test
 * (which builds its worlds with this script and then asks through HTTP).
 */
public final class NonInterferenceScript {

    /** Folder names, shared by client and internal folders so that names collide often. */
    public static final List<String> FOLDER_NAMES = List.of("Pricing", "Drafts", "Contracts", "Assets", "Reports");
    /** File names. */
    public static final List<String> FILE_NAMES = List.of("brief.txt", "notes.txt", "budget.txt", "plan.txt");
    /** The external reference the internal world's workspace carries. */
    public static final String EXTERNAL_REF = "CRM-1001";
    /** The workspace's slug. */
    public static final String SLUG = "acme";

    /** One built workspace with its actors and the items the script made. */
    public static final class World {
        /** The kit the world was built with. */
        public final WorkspaceKit kit;
        /** The tenant. */
        public final TenantId tenant;
        /** The workspace. */
        public final Workspace workspace;
        /** The tenant admin and workspace lead (team). */
        public final Actor lead;
        /** A client admin of the workspace: uploads, deletes, decides. */
        public final Actor client;
        /** A client viewer of the workspace. */
        public final Actor viewer;
        /** Client-visible folders still in existence, in the order the script made them. */
        public final List<FolderId> clientFolders = new ArrayList<>();
        /** Client-visible files, in the order the script made them. */
        public final List<FileId> clientFiles = new ArrayList<>();
        /** Approvals the client can see, in the order the script made them. */
        public final List<ApprovalId> clientApprovals = new ArrayList<>();
        /** Internal folders (empty in the world without internal items). */
        public final List<FolderId> internalFolders = new ArrayList<>();
        /** Internal files (empty in the world without internal items). */
        public final List<FileId> internalFiles = new ArrayList<>();
        /** Approvals of internal files (empty in the world without internal items). */
        public final List<ApprovalId> internalApprovals = new ArrayList<>();
        /** Whether internal items are interleaved. */
        public final boolean internal;

        World(WorkspaceKit kit, TenantId tenant, Workspace workspace, Actor lead, Actor client, Actor viewer,
              boolean internal) {
            this.kit = kit;
            this.tenant = tenant;
            this.workspace = workspace;
            this.lead = lead;
            this.client = client;
            this.viewer = viewer;
            this.internal = internal;
        }
    }

    private final WorkspaceKit kit;
    private final Random shared;
    private final Random hidden;
    private final boolean internal;
    private final IntConsumer atStep;
    private final Transcript transcript;
    private final String userSuffix;
    private Consumer<Actor> registerUser = actor -> { };
    private @Nullable World world;

    /**
     * @param kit        the kit to build with (its tenant is created by the script)
     * @param seed       the seed of the shared and the internal operations
     * @param internal   whether to interleave internal items
     * @param userSuffix appended to every user id (hosts whose user names are global need distinct ones);
     *                   the transcript maps them back
     * @param atStep     called with the step number before each shared step (to set a test clock)
     * @param transcript where the outcomes of the shared operations are written
     */
    public NonInterferenceScript(WorkspaceKit kit, long seed, boolean internal, String userSuffix, IntConsumer atStep,
                                 Transcript transcript) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.shared = new Random(seed);
        this.hidden = new Random(~seed);
        this.internal = internal;
        this.userSuffix = requireNonNull(userSuffix, "userSuffix must not be null");
        this.atStep = requireNonNull(atStep, "atStep must not be null");
        this.transcript = requireNonNull(transcript, "transcript must not be null");
    }

    /**
     * Called with each client user (admin, viewer) before the script adds it to the workspace: a host whose
     * {@link io.clientworkspace.tenant.UserDirectory} confirms only existing users registers it here.
     */
    public NonInterferenceScript registeringUsers(Consumer<Actor> register) {
        this.registerUser = requireNonNull(register, "register must not be null");
        return this;
    }

    /** Builds the world in {@code steps} shared steps and returns it. */
    public World build(int steps) {
        atStep.accept(0);
        UserId leadId = UserId.of("lead" + userSuffix);
        TenantId tenant = kit.tenants().create("Agency", leadId).id();
        Actor lead = Actor.team(tenant, leadId.value());
        Actor client = Actor.client(tenant, "client" + userSuffix);
        Actor viewer = Actor.client(tenant, "viewer" + userSuffix);
        transcript.alias(leadId.value(), "lead");
        transcript.alias(client.userId().value(), "client");
        transcript.alias(viewer.userId().value(), "viewer");
        NewWorkspace request = NewWorkspace.of("Acme", SLUG);
        Workspace workspace = kit.workspaces().create(lead, internal ? request.withExternalRef(EXTERNAL_REF) : request);
        registerUser.accept(client);
        registerUser.accept(viewer);
        kit.members().add(lead, workspace.id(), client.userId(), WorkspaceRole.CLIENT_ADMIN);
        kit.members().add(lead, workspace.id(), viewer.userId(), WorkspaceRole.CLIENT_VIEWER);
        world = new World(kit, tenant, workspace, lead, client, viewer, internal);
        interleave();
        for (int step = 1; step <= steps; step++) {
            atStep.accept(step);
            sharedStep(step);
            interleave();
        }
        return world();
    }

    /** The world {@link #build} made; the steps run only after it is made. */
    private World world() {
        return requireNonNull(world, "build() makes the world before any step");
    }

    // ------------------------------------------------------------------------------------ shared

    private void sharedStep(int step) {
        World w = world();
        switch (shared.nextInt(13)) {
            case 0, 1 -> {
                String name = pick(shared, FOLDER_NAMES);
                Optional<FolderId> parent = pickParent(shared, w.clientFolders);
                record(step, "team creates folder " + name + " in " + parent, () -> {
                    Folder f = kit.folders().create(w.lead, w.workspace.id(), name, parent, Visibility.CLIENT);
                    w.clientFolders.add(f.id());
                    return f;
                });
            }
            case 2, 3 -> {
                String name = pick(shared, FOLDER_NAMES);
                Optional<FolderId> parent = pickParent(shared, w.clientFolders);
                record(step, "client creates folder " + name + " in " + parent, () -> {
                    Folder f = kit.folders().create(w.client, w.workspace.id(), name, parent, Visibility.CLIENT);
                    w.clientFolders.add(f.id());
                    return f;
                });
            }
            case 4 -> upload(step, shared.nextBoolean() ? w.lead : w.client, pickParent(shared, w.clientFolders),
                    Visibility.CLIENT, w.clientFiles, shared);
            case 5 -> {
                if (!w.clientFiles.isEmpty()) {
                    FileId file = pick(shared, w.clientFiles);
                    String content = text(shared);
                    record(step, "team adds a version to " + file, () -> kit.files().uploadVersion(w.lead,
                            w.workspace.id(), file, pick(shared, FILE_NAMES), "text/plain", bytes(content)));
                }
            }
            case 6 -> {
                if (!w.clientFiles.isEmpty()) {
                    FileId file = pick(shared, w.clientFiles);
                    boolean trash = shared.nextInt(3) > 0;
                    record(step, "client " + (trash ? "trashes " : "restores ") + file, () -> trash
                            ? kit.files().trash(w.client, w.workspace.id(), file)
                            : kit.files().restore(w.client, w.workspace.id(), file));
                }
            }
            case 7 -> {
                if (!w.clientFiles.isEmpty()) {
                    FileId file = pick(shared, w.clientFiles);
                    record(step, "team asks the client to approve " + file, () -> {
                        FileAsset asset = kit.files().get(w.lead, w.workspace.id(), file);
                        ApprovalRequest r = kit.approvals().requestForFile(w.lead, w.workspace.id(), file,
                                asset.latestVersion(), NewApproval.of("Approve " + asset.name(), Set.of(w.client.userId())));
                        w.clientApprovals.add(r.id());
                        return r;
                    });
                } else {
                    record(step, "team asks the client to approve a deliverable", () -> {
                        ApprovalRequest r = kit.approvals().requestForDeliverable(w.lead, w.workspace.id(), "Logo",
                                Optional.empty(), NewApproval.of("Approve the logo", Set.of(w.client.userId())));
                        w.clientApprovals.add(r.id());
                        return r;
                    });
                }
            }
            case 8 -> {
                if (!w.clientApprovals.isEmpty()) {
                    ApprovalId approval = pick(shared, w.clientApprovals);
                    DecisionKind kind = pick(shared, List.of(DecisionKind.values()));
                    record(step, "client decides " + kind + " on " + approval, () -> kit.approvals().decide(w.client,
                            w.workspace.id(), approval, kind, kind.needsComment() ? Optional.of("Please change it")
                                    : Optional.empty()));
                }
            }
            case 9 -> {
                if (!w.clientFolders.isEmpty()) {
                    FolderId folder = pick(shared, w.clientFolders);
                    String name = pick(shared, FOLDER_NAMES);
                    record(step, "client renames " + folder + " to " + name, () -> {
                        long version = versionOf(w, folder);
                        return kit.folders().rename(w.client, w.workspace.id(), folder, name, version);
                    });
                }
            }
            case 10 -> {
                if (!w.clientFolders.isEmpty()) {
                    FolderId folder = pick(shared, w.clientFolders);
                    Optional<FolderId> parent = pickParent(shared, w.clientFolders);
                    record(step, "client moves " + folder + " to " + parent, () -> kit.folders().move(w.client,
                            w.workspace.id(), folder, parent, versionOf(w, folder)));
                }
            }
            case 11 -> {
                if (!w.clientFolders.isEmpty()) {
                    FolderId folder = pick(shared, w.clientFolders);
                    record(step, "client deletes folder " + folder, () -> {
                        kit.folders().delete(w.client, w.workspace.id(), folder);
                        w.clientFolders.remove(folder);
                        return "deleted";
                    });
                }
            }
            default -> {
                if (!w.clientFiles.isEmpty()) {
                    FileId file = pick(shared, w.clientFiles);
                    record(step, "client downloads " + file, () -> {
                        try (FileDownload d = kit.downloads().download(w.client, w.workspace.id(), file, OptionalInt.empty())) {
                            return Transcript.describeDownload(d);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
        }
    }

    private long versionOf(World w, FolderId folder) {
        return kit.folders().find(w.lead, w.workspace.id(), folder).map(Folder::version).orElse(0L);
    }

    private void upload(int step, Actor actor, Optional<FolderId> folder, Visibility visibility, List<FileId> into,
                        Random random) {
        String name = pick(random, FILE_NAMES);
        String content = text(random);
        NewUpload request = new NewUpload(name, "text/plain", folder, visibility);
        Supplier<Object> upload = () -> {
            FileAsset f = kit.files().upload(actor, world().workspace.id(), request, bytes(content));
            into.add(f.id());
            return f;
        };
        if (visibility == Visibility.CLIENT) {
            record(step, (actor.isTeam() ? "team" : "client") + " uploads " + name + " into " + folder, upload);
        } else {
            quietly(upload);
        }
    }

    // ------------------------------------------------------------------------------------ internal

    private void interleave() {
        if (!internal) {
            return;
        }
        int count = hidden.nextInt(3);
        for (int i = 0; i < count; i++) {
            internalStep();
        }
    }

    private void internalStep() {
        World w = world();
        switch (hidden.nextInt(9)) {
            case 0, 1 -> {
                // At the top level, inside a client folder, or inside another internal folder.
                List<FolderId> anywhere = new ArrayList<>(w.clientFolders);
                anywhere.addAll(w.internalFolders);
                Optional<FolderId> parent = pickParent(hidden, anywhere);
                String name = pick(hidden, FOLDER_NAMES);
                quietly(() -> {
                    Folder f = kit.folders().create(w.lead, w.workspace.id(), name, parent, Visibility.TEAM);
                    w.internalFolders.add(f.id());
                    return f;
                });
            }
            case 2, 3 -> {
                List<FolderId> anywhere = new ArrayList<>(w.clientFolders);
                anywhere.addAll(w.internalFolders);
                upload(0, w.lead, pickParent(hidden, anywhere), Visibility.TEAM, w.internalFiles, hidden);
            }
            case 4 -> {
                if (!w.internalFiles.isEmpty()) {
                    FileId file = pick(hidden, w.internalFiles);
                    String content = text(hidden);
                    quietly(() -> kit.files().uploadVersion(w.lead, w.workspace.id(), file, pick(hidden, FILE_NAMES),
                            "text/plain", bytes(content)));
                }
            }
            case 5 -> {
                if (!w.internalFiles.isEmpty()) {
                    FileId file = pick(hidden, w.internalFiles);
                    quietly(() -> {
                        ApprovalRequest r = kit.approvals().requestForFile(w.lead, w.workspace.id(), file, 1,
                                NewApproval.of("Internal review", Set.of(w.lead.userId())));
                        w.internalApprovals.add(r.id());
                        if (hidden.nextBoolean()) {
                            kit.approvals().decide(w.lead, w.workspace.id(), r.id(), DecisionKind.APPROVE, Optional.empty());
                        }
                        return r;
                    });
                }
            }
            case 6 -> quietly(() -> kit.invitations().invite(w.lead, w.workspace.id(),
                    NewInvitation.of("guest" + hidden.nextInt(1000) + "@example.com", WorkspaceRole.CLIENT_VIEWER)));
            case 7 -> {
                List<FileId> any = new ArrayList<>(w.clientFiles);
                any.addAll(w.internalFiles);
                if (!any.isEmpty()) {
                    FileId file = pick(hidden, any);
                    quietly(() -> {
                        try (FileDownload d = kit.downloads().download(w.lead, w.workspace.id(), file, OptionalInt.empty())) {
                            return d.content().readAllBytes().length;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
            default -> {
                if (!w.internalFiles.isEmpty()) {
                    FileId file = pick(hidden, w.internalFiles);
                    quietly(() -> kit.files().trash(w.lead, w.workspace.id(), file));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    private void record(int step, String what, Supplier<Object> operation) {
        transcript.call("step " + step + ": " + what, operation);
    }

    /** Internal operations may fail (a name taken among internal folders, a trashed file): that is fine. */
    private static void quietly(Supplier<Object> operation) {
        try {
            Object unused = operation.get();
        } catch (WorkspaceException ignored) {
            // the internal world just has one item fewer
        }
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static Optional<FolderId> pickParent(Random random, List<FolderId> folders) {
        int i = random.nextInt(folders.size() + 1);
        return i == folders.size() ? Optional.empty() : Optional.of(folders.get(i));
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder("Notes ");
        int words = 1 + random.nextInt(40);
        for (int i = 0; i < words; i++) {
            text.append("word").append(random.nextInt(100)).append(i % 8 == 7 ? "\n" : " ");
        }
        return text.append('\n').toString();
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Statuses a client may filter approvals by. */
    static List<Optional<ApprovalStatus>> approvalFilters() {
        List<Optional<ApprovalStatus>> filters = new ArrayList<>();
        filters.add(Optional.empty());
        for (ApprovalStatus s : ApprovalStatus.values()) {
            filters.add(Optional.of(s));
        }
        return filters;
    }

    /** The file versions, for describing downloads. */
    static String describe(FileVersion v) {
        return "v" + v.number() + " " + v.name() + " size=" + v.size() + " sha256=" + v.sha256() + " type="
                + v.detectedType() + " declared=" + v.declaredType() + " by=" + v.uploadedBy() + " at=" + v.uploadedAt();
    }
}
