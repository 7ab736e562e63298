package io.clientworkspace.tck;

import io.clientworkspace.ActivityId;
import io.clientworkspace.ActorKind;
import io.clientworkspace.FileId;
import io.clientworkspace.FolderId;
import io.clientworkspace.InvitationId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.DownloadRecord;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileStatus;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.Folder;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import static java.util.Objects.requireNonNull;

/**
 * Builds valid domain records for store tests: every call returns a record with new, unique ids, and
 * the {@code a...}/{@code an...} methods return builders for fluent overrides.
 *
 * <p>Ids look like {@code ws-k3x9q2-000017}: a kind, a token unique to this {@code TestData} and a
 * zero-padded counter. Ids, slugs and user ids of one kind therefore sort in the order they were
 * created under every collation (same length, same punctuation, lower-case ASCII), which keeps
 * ordering tests portable to databases. Instants are whole seconds after {@link #EPOCH}, so every store
 * can keep them exactly.
 *
 * <p>Thread-safe: concurrency tests build records on many threads.
 */
public final class TestData {

    /** The first instant handed out; later ones are whole seconds after it. */
    public static final Instant EPOCH = Instant.parse("2030-01-01T00:00:00Z");

    private static final String TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final String token;
    private final AtomicLong counter = new AtomicLong();
    private final AtomicLong seconds = new AtomicLong();

    /** Test data with a random token, so that two instances never produce the same id. */
    public TestData() {
        StringBuilder sb = new StringBuilder(6);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            sb.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        this.token = sb.toString();
    }

    // ---------------------------------------------------------------- ids and values

    /** A new unique text of the form {@code kind-token-000001}. */
    public String unique(String kind) {
        return kind + "-" + token + "-" + String.format("%06d", counter.incrementAndGet());
    }

    /** A new tenant id. */
    public TenantId tenantId() {
        return TenantId.of(unique("t"));
    }

    /** A new user id. */
    public UserId userId() {
        return UserId.of(unique("u"));
    }

    /** A new workspace id. */
    public WorkspaceId workspaceId() {
        return WorkspaceId.of(unique("w"));
    }

    /** A new invitation id. */
    public InvitationId invitationId() {
        return InvitationId.of(unique("i"));
    }

    /** A new activity entry id. */
    public ActivityId activityId() {
        return ActivityId.of(unique("a"));
    }

    /** A new valid slug ({@code [a-z0-9-]}, 2 to 63 characters). */
    public String slug() {
        return unique("ws");
    }

    /** A new external reference. */
    public String externalRef() {
        return unique("crm");
    }

    /** A new token hash: hex SHA-256 of a unique text. */
    public String tokenHash() {
        return sha256(unique("token"));
    }

    /** A new lower-case e-mail address. */
    public String email() {
        return unique("user") + "@example.com";
    }

    /** A new instant, one second after the previous one. */
    public Instant instant() {
        return EPOCH.plusSeconds(seconds.incrementAndGet());
    }

    /** Hex SHA-256 of a text, as invitation token hashes are stored. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A new folder id. */
    public FolderId folderId() {
        return FolderId.of(unique("fo"));
    }

    /** A new file id. */
    public FileId fileId() {
        return FileId.of(unique("fi"));
    }

    /** A new download record id (ids created later sort later). */
    public String downloadId() {
        return unique("dl");
    }

    /** A new blob key. */
    public String blobKey() {
        return unique("blob");
    }

    /** A new folder name (names created later sort later). */
    public String folderName() {
        return unique("folder");
    }

    /** A new file name (names created later sort later). */
    public String fileName() {
        return unique("file") + ".pdf";
    }

    // ---------------------------------------------------------------- records

    /** A valid new tenant. */
    public Tenant tenant() {
        return aTenant().build();
    }

    /** A builder of a valid tenant. */
    public TenantBuilder aTenant() {
        return new TenantBuilder(tenantId(), "Tenant " + counter.get(), instant());
    }

    /** A valid roster entry of {@code tenantId} with {@code role}. */
    public TeamMember teamMember(TenantId tenantId, TenantRole role) {
        return aTeamMember(tenantId).role(role).build();
    }

    /** A builder of a valid roster entry of {@code tenantId} (a {@code TEAM_MEMBER} unless changed). */
    public TeamMemberBuilder aTeamMember(TenantId tenantId) {
        return new TeamMemberBuilder(tenantId, userId(), instant());
    }

    /** A valid active workspace of {@code tenantId} with an external reference. */
    public Workspace workspace(TenantId tenantId) {
        return aWorkspace(tenantId).build();
    }

    /** A builder of a valid active workspace of {@code tenantId} with an external reference and branding. */
    public WorkspaceBuilder aWorkspace(TenantId tenantId) {
        Instant at = instant();
        return new WorkspaceBuilder(workspaceId(), tenantId, slug(), "Workspace " + counter.get(),
                Optional.of(externalRef()), at);
    }

    /** A valid membership of a new user in the workspace with {@code role}. */
    public Membership membership(TenantId tenantId, WorkspaceId workspaceId, WorkspaceRole role) {
        return aMembership(tenantId, workspaceId).role(role).build();
    }

    /** A builder of a valid membership of a new user in the workspace (a {@code CLIENT_VIEWER} unless changed). */
    public MembershipBuilder aMembership(TenantId tenantId, WorkspaceId workspaceId) {
        return new MembershipBuilder(tenantId, workspaceId, userId(), instant());
    }

    /** A valid pending invitation to the workspace, expiring seven days after it was created. */
    public Invitation invitation(TenantId tenantId, WorkspaceId workspaceId) {
        return anInvitation(tenantId, workspaceId).build();
    }

    /** A builder of a valid pending invitation to the workspace. */
    public InvitationBuilder anInvitation(TenantId tenantId, WorkspaceId workspaceId) {
        Instant at = instant();
        return new InvitationBuilder(invitationId(), tenantId, workspaceId, email(), tokenHash(), userId(), at,
                at.plus(Duration.ofDays(7)));
    }

    /** A builder of the first entry (sequence 1) of the workspace's activity log. */
    public ActivityEntryBuilder anEntry(TenantId tenantId, WorkspaceId workspaceId) {
        return new ActivityEntryBuilder(activityId(), tenantId, workspaceId, userId(), instant(), unique("target"));
    }

    /** A builder of the entry that follows {@code previous} in its log (next sequence, linked hash). */
    public ActivityEntryBuilder anEntryAfter(ActivityEntry previous) {
        requireNonNull(previous, "previous must not be null");
        return anEntry(previous.tenantId(), previous.workspaceId())
                .sequence(previous.sequence() + 1)
                .previousHash(previous.hash());
    }

    /** The first entry (sequence 1) of the workspace's log, client-visible. */
    public ActivityEntry firstEntry(TenantId tenantId, WorkspaceId workspaceId) {
        return anEntry(tenantId, workspaceId).build();
    }

    /** The entry after {@code previous}, client-visible. */
    public ActivityEntry entryAfter(ActivityEntry previous) {
        return anEntryAfter(previous).build();
    }

    /**
     * A correctly linked log of {@code count} entries, sequences 1 to {@code count}, the visibility of
     * each chosen by {@code visibilityOfSequence}.
     */
    public List<ActivityEntry> chain(TenantId tenantId, WorkspaceId workspaceId, int count,
                                     LongFunction<Visibility> visibilityOfSequence) {
        List<ActivityEntry> entries = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ActivityEntryBuilder builder = entries.isEmpty() ? anEntry(tenantId, workspaceId)
                    : anEntryAfter(entries.get(entries.size() - 1));
            entries.add(builder.visibility(visibilityOfSequence.apply(i)).build());
        }
        return entries;
    }

    /** A valid client-visible folder at the top level of the workspace. */
    public Folder folder(TenantId tenantId, WorkspaceId workspaceId) {
        return aFolder(tenantId, workspaceId).build();
    }

    /** A builder of a valid client-visible folder at the top level of the workspace. */
    public FolderBuilder aFolder(TenantId tenantId, WorkspaceId workspaceId) {
        return new FolderBuilder(folderId(), tenantId, workspaceId, folderName(), userId(), instant());
    }

    /** A valid folder directly inside {@code parent}, with the parent's visibility. */
    public Folder folderIn(Folder parent) {
        return aFolder(parent.tenantId(), parent.workspaceId()).parent(parent.id()).visibility(parent.visibility()).build();
    }

    /** A valid active, client-visible file at the top level of the workspace, whose latest version is 1. */
    public FileAsset file(TenantId tenantId, WorkspaceId workspaceId) {
        return aFile(tenantId, workspaceId).build();
    }

    /** A builder of a valid active, client-visible file at the top level, whose latest version is 1. */
    public FileAssetBuilder aFile(TenantId tenantId, WorkspaceId workspaceId) {
        return new FileAssetBuilder(fileId(), tenantId, workspaceId, fileName(), userId(), instant());
    }

    /** Version 1 of {@code file}: what {@code FileStore.insert} takes with it. */
    public FileVersion firstVersion(FileAsset file) {
        return aFirstVersion(file).build();
    }

    /** A builder of version 1 of {@code file}, with a new blob key and SHA-256. */
    public FileVersionBuilder aFirstVersion(FileAsset file) {
        requireNonNull(file, "file must not be null");
        return new FileVersionBuilder(file.tenantId(), file.workspaceId(), file.id(), 1, file.name(), blobKey(),
                1024 + counter.get(), sha256(unique("bytes")), file.createdBy(), instant());
    }

    /** The version after {@code previous} (next number, new blob key and SHA-256, a later time). */
    public FileVersion versionAfter(FileVersion previous) {
        return aVersionAfter(previous).build();
    }

    /** A builder of the version after {@code previous}. */
    public FileVersionBuilder aVersionAfter(FileVersion previous) {
        requireNonNull(previous, "previous must not be null");
        return new FileVersionBuilder(previous.tenantId(), previous.workspaceId(), previous.fileId(),
                previous.number() + 1, previous.name(), blobKey(), 2048 + counter.get(), sha256(unique("bytes")),
                userId(), instant());
    }

    /** A download of the file's latest version by a new client user. */
    public DownloadRecord download(FileAsset file) {
        return aDownload(file).build();
    }

    /** A builder of a download of the file's latest version by a new client user. */
    public DownloadRecordBuilder aDownload(FileAsset file) {
        requireNonNull(file, "file must not be null");
        return new DownloadRecordBuilder(downloadId(), file.tenantId(), file.workspaceId(), file.id(),
                file.latestVersion(), userId(), instant());
    }

    // ---------------------------------------------------------------- builders

    /** Builds a {@link Tenant}. */
    public static final class TenantBuilder {
        private TenantId id;
        private String name;
        private Instant createdAt;
        private long version;

        private TenantBuilder(TenantId id, String name, Instant createdAt) {
            this.id = id;
            this.name = name;
            this.createdAt = createdAt;
        }

        /** Another id. */
        public TenantBuilder id(TenantId value) {
            this.id = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another name. */
        public TenantBuilder name(String value) {
            this.name = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another creation time. */
        public TenantBuilder createdAt(Instant value) {
            this.createdAt = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another version (stores ignore it on insert). */
        public TenantBuilder version(long value) {
            this.version = value;
            return this;
        }

        /** The tenant. */
        public Tenant build() {
            return new Tenant(id, name, createdAt, version);
        }
    }

    /** Builds a {@link TeamMember}. */
    public static final class TeamMemberBuilder {
        private final TenantId tenantId;
        private UserId userId;
        private TenantRole role = TenantRole.TEAM_MEMBER;
        private Instant addedAt;
        private long version;

        private TeamMemberBuilder(TenantId tenantId, UserId userId, Instant addedAt) {
            this.tenantId = requireNonNull(tenantId, "tenantId must not be null");
            this.userId = userId;
            this.addedAt = addedAt;
        }

        /** Another user. */
        public TeamMemberBuilder userId(UserId value) {
            this.userId = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another tenant role. */
        public TeamMemberBuilder role(TenantRole value) {
            this.role = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another time of joining the roster. */
        public TeamMemberBuilder addedAt(Instant value) {
            this.addedAt = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another version (stores ignore it on insert). */
        public TeamMemberBuilder version(long value) {
            this.version = value;
            return this;
        }

        /** The roster entry. */
        public TeamMember build() {
            return new TeamMember(tenantId, userId, role, addedAt, version);
        }
    }

    /** Builds a {@link Workspace}. */
    public static final class WorkspaceBuilder {
        private WorkspaceId id;
        private final TenantId tenantId;
        private String slug;
        private String name;
        private Optional<String> externalRef;
        private Branding branding = Branding.none().withDisplayName("Client portal").withAccentColor("#1A2B3C");
        private WorkspaceStatus status = WorkspaceStatus.ACTIVE;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private WorkspaceBuilder(WorkspaceId id, TenantId tenantId, String slug, String name,
                                 Optional<String> externalRef, Instant at) {
            this.id = id;
            this.tenantId = requireNonNull(tenantId, "tenantId must not be null");
            this.slug = slug;
            this.name = name;
            this.externalRef = externalRef;
            this.createdAt = at;
            this.updatedAt = at;
        }

        /** Another id. */
        public WorkspaceBuilder id(WorkspaceId value) {
            this.id = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another slug. */
        public WorkspaceBuilder slug(String value) {
            this.slug = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another name. */
        public WorkspaceBuilder name(String value) {
            this.name = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another external reference. */
        public WorkspaceBuilder externalRef(String value) {
            this.externalRef = Optional.of(value);
            return this;
        }

        /** No external reference. */
        public WorkspaceBuilder noExternalRef() {
            this.externalRef = Optional.empty();
            return this;
        }

        /** Other branding. */
        public WorkspaceBuilder branding(Branding value) {
            this.branding = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another status. */
        public WorkspaceBuilder status(WorkspaceStatus value) {
            this.status = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another creation time (also the update time). */
        public WorkspaceBuilder createdAt(Instant value) {
            this.createdAt = requireNonNull(value, "value must not be null");
            this.updatedAt = value;
            return this;
        }

        /** Another version (stores ignore it on insert). */
        public WorkspaceBuilder version(long value) {
            this.version = value;
            return this;
        }

        /** The workspace. */
        public Workspace build() {
            return new Workspace(id, tenantId, slug, name, externalRef, branding, status, createdAt, updatedAt, version);
        }
    }

    /** Builds a {@link Membership}. */
    public static final class MembershipBuilder {
        private final TenantId tenantId;
        private final WorkspaceId workspaceId;
        private UserId userId;
        private WorkspaceRole role = WorkspaceRole.CLIENT_VIEWER;
        private Instant joinedAt;
        private long version;

        private MembershipBuilder(TenantId tenantId, WorkspaceId workspaceId, UserId userId, Instant joinedAt) {
            this.tenantId = requireNonNull(tenantId, "tenantId must not be null");
            this.workspaceId = requireNonNull(workspaceId, "workspaceId must not be null");
            this.userId = userId;
            this.joinedAt = joinedAt;
        }

        /** Another user. */
        public MembershipBuilder userId(UserId value) {
            this.userId = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another role. */
        public MembershipBuilder role(WorkspaceRole value) {
            this.role = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another time of joining. */
        public MembershipBuilder joinedAt(Instant value) {
            this.joinedAt = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another version (stores ignore it on insert). */
        public MembershipBuilder version(long value) {
            this.version = value;
            return this;
        }

        /** The membership. */
        public Membership build() {
            return new Membership(tenantId, workspaceId, userId, role, joinedAt, version);
        }
    }

    /** Builds an {@link Invitation}. */
    public static final class InvitationBuilder {
        private InvitationId id;
        private final TenantId tenantId;
        private final WorkspaceId workspaceId;
        private String email;
        private WorkspaceRole role = WorkspaceRole.CLIENT_CONTRIBUTOR;
        private String tokenHash;
        private UserId invitedBy;
        private Instant createdAt;
        private Instant expiresAt;
        private InvitationStatus status = InvitationStatus.PENDING;
        private Optional<UserId> acceptedBy = Optional.empty();
        private Optional<Instant> resolvedAt = Optional.empty();
        private long version;

        private InvitationBuilder(InvitationId id, TenantId tenantId, WorkspaceId workspaceId, String email,
                                  String tokenHash, UserId invitedBy, Instant createdAt, Instant expiresAt) {
            this.id = id;
            this.tenantId = requireNonNull(tenantId, "tenantId must not be null");
            this.workspaceId = requireNonNull(workspaceId, "workspaceId must not be null");
            this.email = email;
            this.tokenHash = tokenHash;
            this.invitedBy = invitedBy;
            this.createdAt = createdAt;
            this.expiresAt = expiresAt;
        }

        /** Another id. */
        public InvitationBuilder id(InvitationId value) {
            this.id = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another e-mail address. */
        public InvitationBuilder email(String value) {
            this.email = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another (client) role. */
        public InvitationBuilder role(WorkspaceRole value) {
            this.role = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another token hash. */
        public InvitationBuilder tokenHash(String value) {
            this.tokenHash = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another inviter. */
        public InvitationBuilder invitedBy(UserId value) {
            this.invitedBy = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another creation time. */
        public InvitationBuilder createdAt(Instant value) {
            this.createdAt = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another expiry. */
        public InvitationBuilder expiresAt(Instant value) {
            this.expiresAt = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Accepted by {@code user} at {@code at}. */
        public InvitationBuilder acceptedBy(UserId user, Instant at) {
            this.status = InvitationStatus.ACCEPTED;
            this.acceptedBy = Optional.of(requireNonNull(user, "user must not be null"));
            this.resolvedAt = Optional.of(requireNonNull(at, "at must not be null"));
            return this;
        }

        /** Revoked at {@code at}. */
        public InvitationBuilder revokedAt(Instant at) {
            this.status = InvitationStatus.REVOKED;
            this.acceptedBy = Optional.empty();
            this.resolvedAt = Optional.of(requireNonNull(at, "at must not be null"));
            return this;
        }

        /** Another version (stores ignore it on insert). */
        public InvitationBuilder version(long value) {
            this.version = value;
            return this;
        }

        /** The invitation. */
        public Invitation build() {
            return new Invitation(id, tenantId, workspaceId, email, role, tokenHash, invitedBy, createdAt, expiresAt,
                    status, acceptedBy, resolvedAt, version);
        }
    }

    /**
     * Builds an {@link ActivityEntry} with {@link ActivityChain#link}, so its hash is right for its
     * fields and its {@code previousHash}. Defaults: sequence 1, the genesis hash, client-visible, a
     * team actor, no details.
     */
    public static final class ActivityEntryBuilder {
        private ActivityId id;
        private final TenantId tenantId;
        private final WorkspaceId workspaceId;
        private long sequence = 1;
        private UserId actorId;
        private ActorKind actorKind = ActorKind.TEAM;
        private String action = "test.happened";
        private String targetType = "thing";
        private String targetId;
        private Instant occurredAt;
        private Visibility visibility = Visibility.CLIENT;
        private Map<String, String> details = Map.of();
        private String previousHash = ActivityChain.GENESIS_HASH;

        private ActivityEntryBuilder(ActivityId id, TenantId tenantId, WorkspaceId workspaceId, UserId actorId,
                                     Instant occurredAt, String targetId) {
            this.id = id;
            this.tenantId = requireNonNull(tenantId, "tenantId must not be null");
            this.workspaceId = requireNonNull(workspaceId, "workspaceId must not be null");
            this.actorId = actorId;
            this.occurredAt = occurredAt;
            this.targetId = targetId;
        }

        /** Another id. */
        public ActivityEntryBuilder id(ActivityId value) {
            this.id = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another sequence. */
        public ActivityEntryBuilder sequence(long value) {
            this.sequence = value;
            return this;
        }

        /** Another actor. */
        public ActivityEntryBuilder actor(UserId user, ActorKind kind) {
            this.actorId = requireNonNull(user, "user must not be null");
            this.actorKind = requireNonNull(kind, "kind must not be null");
            return this;
        }

        /** Another action. */
        public ActivityEntryBuilder action(String value) {
            this.action = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another target. */
        public ActivityEntryBuilder target(String type, String id) {
            this.targetType = requireNonNull(type, "type must not be null");
            this.targetId = requireNonNull(id, "id must not be null");
            return this;
        }

        /** Another time (truncated to microseconds, as the kit records it). */
        public ActivityEntryBuilder occurredAt(Instant value) {
            this.occurredAt = requireNonNull(value, "value must not be null").truncatedTo(ChronoUnit.MICROS);
            return this;
        }

        /** Another visibility. */
        public ActivityEntryBuilder visibility(Visibility value) {
            this.visibility = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Other details. */
        public ActivityEntryBuilder details(Map<String, String> value) {
            this.details = Map.copyOf(requireNonNull(value, "value must not be null"));
            return this;
        }

        /** Another previous hash. */
        public ActivityEntryBuilder previousHash(String value) {
            this.previousHash = requireNonNull(value, "value must not be null");
            return this;
        }

        /** The entry, with its hash computed. */
        public ActivityEntry build() {
            return ActivityChain.link(id, tenantId, workspaceId, sequence, actorId, actorKind, action, targetType,
                    targetId, occurredAt, visibility, details, previousHash);
        }
    }

    /** Builds a {@link Folder}. Defaults: top level, client-visible. */
    public static final class FolderBuilder {
        private FolderId id;
        private final TenantId tenantId;
        private final WorkspaceId workspaceId;
        private Optional<FolderId> parentId = Optional.empty();
        private String name;
        private Visibility visibility = Visibility.CLIENT;
        private UserId createdBy;
        private Instant createdAt;
        private long version;

        private FolderBuilder(FolderId id, TenantId tenantId, WorkspaceId workspaceId, String name, UserId createdBy,
                              Instant createdAt) {
            this.id = id;
            this.tenantId = requireNonNull(tenantId, "tenantId must not be null");
            this.workspaceId = requireNonNull(workspaceId, "workspaceId must not be null");
            this.name = name;
            this.createdBy = createdBy;
            this.createdAt = createdAt;
        }

        /** Another id. */
        public FolderBuilder id(FolderId value) {
            this.id = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Inside this parent folder. */
        public FolderBuilder parent(FolderId value) {
            this.parentId = Optional.of(value);
            return this;
        }

        /** Another name. */
        public FolderBuilder name(String value) {
            this.name = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another visibility. */
        public FolderBuilder visibility(Visibility value) {
            this.visibility = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Internal (team-only). */
        public FolderBuilder internal() {
            return visibility(Visibility.TEAM);
        }

        /** Another creator. */
        public FolderBuilder createdBy(UserId value) {
            this.createdBy = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another creation time. */
        public FolderBuilder createdAt(Instant value) {
            this.createdAt = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another version (stores ignore it on insert). */
        public FolderBuilder version(long value) {
            this.version = value;
            return this;
        }

        /** The folder. */
        public Folder build() {
            return new Folder(id, tenantId, workspaceId, parentId, name, visibility, createdBy, createdAt, version);
        }
    }

    /** Builds a {@link FileAsset}. Defaults: top level, client-visible, active, latest version 1. */
    public static final class FileAssetBuilder {
        private FileId id;
        private final TenantId tenantId;
        private final WorkspaceId workspaceId;
        private Optional<FolderId> folderId = Optional.empty();
        private String name;
        private Visibility visibility = Visibility.CLIENT;
        private int latestVersion = 1;
        private FileStatus status = FileStatus.ACTIVE;
        private UserId createdBy;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private FileAssetBuilder(FileId id, TenantId tenantId, WorkspaceId workspaceId, String name, UserId createdBy,
                                 Instant createdAt) {
            this.id = id;
            this.tenantId = requireNonNull(tenantId, "tenantId must not be null");
            this.workspaceId = requireNonNull(workspaceId, "workspaceId must not be null");
            this.name = name;
            this.createdBy = createdBy;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        /** Another id. */
        public FileAssetBuilder id(FileId value) {
            this.id = requireNonNull(value, "value must not be null");
            return this;
        }

        /** In this folder. */
        public FileAssetBuilder in(FolderId value) {
            this.folderId = Optional.of(value);
            return this;
        }

        /** Another name. */
        public FileAssetBuilder name(String value) {
            this.name = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another visibility. */
        public FileAssetBuilder visibility(Visibility value) {
            this.visibility = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Internal (team-only). */
        public FileAssetBuilder internal() {
            return visibility(Visibility.TEAM);
        }

        /** Another latest version number. */
        public FileAssetBuilder latestVersion(int value) {
            this.latestVersion = value;
            return this;
        }

        /** Another status. */
        public FileAssetBuilder status(FileStatus value) {
            this.status = requireNonNull(value, "value must not be null");
            return this;
        }

        /** In the trash. */
        public FileAssetBuilder trashed() {
            return status(FileStatus.TRASHED);
        }

        /** Another uploader of the first version. */
        public FileAssetBuilder createdBy(UserId value) {
            this.createdBy = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another creation time (also the update time). */
        public FileAssetBuilder createdAt(Instant value) {
            this.createdAt = requireNonNull(value, "value must not be null");
            this.updatedAt = value;
            return this;
        }

        /** Another version (stores ignore it on insert). */
        public FileAssetBuilder version(long value) {
            this.version = value;
            return this;
        }

        /** The file. */
        public FileAsset build() {
            return new FileAsset(id, tenantId, workspaceId, folderId, name, visibility, latestVersion, status, createdBy,
                    createdAt, updatedAt, version);
        }
    }

    /** Builds a {@link FileVersion}. */
    public static final class FileVersionBuilder {
        private final TenantId tenantId;
        private final WorkspaceId workspaceId;
        private final FileId fileId;
        private int number;
        private String name;
        private String blobKey;
        private long size;
        private String sha256;
        private String detectedType = "application/pdf";
        private String declaredType = "application/pdf";
        private UserId uploadedBy;
        private Instant uploadedAt;

        private FileVersionBuilder(TenantId tenantId, WorkspaceId workspaceId, FileId fileId, int number, String name,
                                   String blobKey, long size, String sha256, UserId uploadedBy, Instant uploadedAt) {
            this.tenantId = requireNonNull(tenantId, "tenantId must not be null");
            this.workspaceId = requireNonNull(workspaceId, "workspaceId must not be null");
            this.fileId = requireNonNull(fileId, "fileId must not be null");
            this.number = number;
            this.name = name;
            this.blobKey = blobKey;
            this.size = size;
            this.sha256 = sha256;
            this.uploadedBy = uploadedBy;
            this.uploadedAt = uploadedAt;
        }

        /** Another number. */
        public FileVersionBuilder number(int value) {
            this.number = value;
            return this;
        }

        /** Another display name. */
        public FileVersionBuilder name(String value) {
            this.name = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another blob key. */
        public FileVersionBuilder blobKey(String value) {
            this.blobKey = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another size. */
        public FileVersionBuilder size(long value) {
            this.size = value;
            return this;
        }

        /** Another SHA-256 (hex). */
        public FileVersionBuilder sha256(String value) {
            this.sha256 = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Other detected and declared media types. */
        public FileVersionBuilder types(String detected, String declared) {
            this.detectedType = requireNonNull(detected, "detected must not be null");
            this.declaredType = requireNonNull(declared, "declared must not be null");
            return this;
        }

        /** Another uploader. */
        public FileVersionBuilder uploadedBy(UserId value) {
            this.uploadedBy = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another upload time. */
        public FileVersionBuilder uploadedAt(Instant value) {
            this.uploadedAt = requireNonNull(value, "value must not be null");
            return this;
        }

        /** The version. */
        public FileVersion build() {
            return new FileVersion(tenantId, workspaceId, fileId, number, name, blobKey, size, sha256, detectedType,
                    declaredType, uploadedBy, uploadedAt);
        }
    }

    /** Builds a {@link DownloadRecord}. Defaults: a client user. */
    public static final class DownloadRecordBuilder {
        private String id;
        private final TenantId tenantId;
        private final WorkspaceId workspaceId;
        private final FileId fileId;
        private int versionNumber;
        private UserId userId;
        private ActorKind actorKind = ActorKind.CLIENT;
        private Instant at;

        private DownloadRecordBuilder(String id, TenantId tenantId, WorkspaceId workspaceId, FileId fileId,
                                      int versionNumber, UserId userId, Instant at) {
            this.id = id;
            this.tenantId = requireNonNull(tenantId, "tenantId must not be null");
            this.workspaceId = requireNonNull(workspaceId, "workspaceId must not be null");
            this.fileId = requireNonNull(fileId, "fileId must not be null");
            this.versionNumber = versionNumber;
            this.userId = userId;
            this.at = at;
        }

        /** Another id. */
        public DownloadRecordBuilder id(String value) {
            this.id = requireNonNull(value, "value must not be null");
            return this;
        }

        /** Another version. */
        public DownloadRecordBuilder versionNumber(int value) {
            this.versionNumber = value;
            return this;
        }

        /** Another user. */
        public DownloadRecordBuilder by(UserId user, ActorKind kind) {
            this.userId = requireNonNull(user, "user must not be null");
            this.actorKind = requireNonNull(kind, "kind must not be null");
            return this;
        }

        /** Another time. */
        public DownloadRecordBuilder at(Instant value) {
            this.at = requireNonNull(value, "value must not be null");
            return this;
        }

        /** The record. */
        public DownloadRecord build() {
            return new DownloadRecord(id, tenantId, workspaceId, fileId, versionNumber, userId, actorKind, at);
        }
    }
}
