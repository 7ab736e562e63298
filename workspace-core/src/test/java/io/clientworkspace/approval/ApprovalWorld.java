package io.clientworkspace.approval;

import io.clientworkspace.Actor;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.DownloadService;
import io.clientworkspace.file.FileMaintenance;
import io.clientworkspace.file.FileService;
import io.clientworkspace.file.FolderService;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.support.Fixture;
import io.clientworkspace.tck.SampleFiles;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standard {@link Fixture} with its file contents under a test directory, and what the approval
 * tests need on top: uploads of small valid PDFs (each with different bytes), approval requests, and
 * the approval store read back raw, to check that a refused operation changed nothing.
 */
final class ApprovalWorld {

    private static final int ALL = 500;

    final Fixture f;
    final ApprovalService approvals;
    final FileService files;
    final FolderService folders;
    final DownloadService downloads;
    final FileMaintenance maintenance;
    final WorkspaceId acme;
    private final AtomicInteger uploads = new AtomicInteger();

    private ApprovalWorld(Path blobDir, Stores stores, Consumer<WorkspaceKit.Builder> customizer) {
        this.f = Fixture.create(stores, b -> {
            b.blobStore(new FileSystemBlobStore(blobDir));
            customizer.accept(b);
        });
        this.approvals = f.kit.approvals();
        this.files = f.kit.files();
        this.folders = f.kit.folders();
        this.downloads = f.kit.downloads();
        this.maintenance = f.kit.fileMaintenance();
        this.acme = f.acme.id();
    }

    /** The standard world, its blobs in {@code blobDir}. */
    static ApprovalWorld create(Path blobDir) {
        return new ApprovalWorld(blobDir, InMemoryStores.create(), b -> { });
    }

    /** The standard world on a kit with extra settings. */
    static ApprovalWorld create(Path blobDir, Consumer<WorkspaceKit.Builder> customizer) {
        return new ApprovalWorld(blobDir, InMemoryStores.create(), customizer);
    }

    /** The standard world on the given stores. */
    static ApprovalWorld create(Path blobDir, Stores stores) {
        return new ApprovalWorld(blobDir, stores, b -> { });
    }

    private byte[] nextPdf() {
        return SampleFiles.pdf("upload " + uploads.incrementAndGet());
    }

    /** A client-visible PDF uploaded to acme by {@code by}. */
    FileAsset upload(Actor by, String name) {
        return files.upload(by, acme, NewUpload.of(name, "application/pdf"), new ByteArrayInputStream(nextPdf()));
    }

    /** An internal (team-only) PDF uploaded to acme by {@code by}. */
    FileAsset uploadInternal(Actor by, String name) {
        return files.upload(by, acme, NewUpload.of(name, "application/pdf").internal(), new ByteArrayInputStream(nextPdf()));
    }

    /** A new version of the file with new bytes, uploaded by {@code by}. */
    FileVersion newVersion(Actor by, FileAsset file) {
        return files.uploadVersion(by, acme, file.id(), file.name(), "application/pdf", new ByteArrayInputStream(nextPdf()));
    }

    /** Version {@code number} of the file, as stored. */
    FileVersion version(FileAsset file, int number) {
        return f.stores.require(FileStore.class).findVersion(f.tenant.id(), acme, file.id(), number).orElseThrow();
    }

    /** An ANY approval of {@code title} by the given actors. */
    static NewApproval ask(String title, Actor... approvers) {
        return NewApproval.of(title, Arrays.stream(approvers).map(Actor::userId).collect(Collectors.toSet()));
    }

    /** Asks {@code approvers} (ANY) to approve version {@code number} of the file, as bob. */
    ApprovalRequest requestFor(FileAsset file, int number, Actor... approvers) {
        return approvals.requestForFile(f.bob, acme, file.id(), number, ask("Sign off " + file.name(), approvers));
    }

    /** Asks {@code approvers} to approve a deliverable under {@code policy}, as bob. */
    ApprovalRequest deliverable(ApprovalPolicy policy, Actor... approvers) {
        return approvals.requestForDeliverable(f.bob, acme, "The homepage design", Optional.of("https://example.com/design"),
                ask("Homepage design", approvers).withPolicy(policy));
    }

    ApprovalRequest approve(Actor approver, ApprovalRequest request) {
        return approvals.decide(approver, acme, request.id(), DecisionKind.APPROVE, Optional.empty());
    }

    ApprovalRequest reject(Actor approver, ApprovalRequest request) {
        return approvals.decide(approver, acme, request.id(), DecisionKind.REJECT, Optional.of("Not like this"));
    }

    ApprovalRequest requestChanges(Actor approver, ApprovalRequest request) {
        return approvals.decide(approver, acme, request.id(), DecisionKind.REQUEST_CHANGES, Optional.of("Bigger logo, please"));
    }

    /** The request as stored (no lazy expiry, no visibility rules). */
    ApprovalRequest stored(ApprovalId id) {
        return f.stores.require(ApprovalStore.class).find(f.tenant.id(), acme, id).orElseThrow();
    }

    /** The request's decisions as stored. */
    List<Decision> decisions(ApprovalId id) {
        return f.stores.require(ApprovalStore.class).decisions(f.tenant.id(), acme, id);
    }

    /** acme's activity log, oldest first. */
    List<ActivityEntry> log() {
        return f.log(acme);
    }

    /** The entries of acme's log about this request, oldest first. */
    List<ActivityEntry> logOf(ApprovalId id) {
        return log().stream().filter(e -> e.targetType().equals("approval") && e.targetId().equals(id.value())).toList();
    }

    /** The actions of acme's log about this request, oldest first. */
    List<String> actionsOf(ApprovalId id) {
        return logOf(id).stream().map(ActivityEntry::action).toList();
    }

    /** Every approval request of acme as stored, with its decisions. */
    Map<ApprovalRequest, List<Decision>> approvalStore() {
        Map<ApprovalRequest, List<Decision>> all = new LinkedHashMap<>();
        for (ApprovalRequest r : f.stores.require(ApprovalStore.class).list(f.tenant.id(), acme, Optional.empty(), Optional.empty(), ALL)) {
            all.put(r, decisions(r.id()));
        }
        return all;
    }

    /**
     * Runs an operation that must fail with {@code type}: the fixture's stores, the approval store and
     * the events must read the same afterwards. Returns the exception.
     */
    <T extends Throwable> T rejects(Class<T> type, ThrowingCallable operation) {
        Map<ApprovalRequest, List<Decision>> before = approvalStore();
        List<DomainEvent> eventsBefore = f.events.all();
        T thrown = f.rejects(type, operation);
        assertThat(approvalStore()).as("the approval store after the failed operation").isEqualTo(before);
        assertThat(f.events.all()).as("the events after the failed operation").isEqualTo(eventsBefore);
        return thrown;
    }

    /** A client of acme with the role CLIENT_CONTRIBUTOR, added by bob. */
    Actor addClient(String userId) {
        f.kit.members().add(f.bob, acme, UserId.of(userId), WorkspaceRole.CLIENT_CONTRIBUTOR);
        return f.client(userId);
    }
}
