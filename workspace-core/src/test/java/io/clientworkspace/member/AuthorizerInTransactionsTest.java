package io.clientworkspace.member;

import io.clientworkspace.support.Fixture;
import io.clientworkspace.spi.UnitOfWork;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.clientworkspace.member.Permission.UPLOAD_FILES;
import static io.clientworkspace.member.Permission.VIEW_INTERNAL;
import static io.clientworkspace.member.Permission.VIEW_WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The authorizer's cache holds committed truth only (issue 10, finding 8): answers inside a unit of work
 * see its own membership, roster and matrix changes, nothing computed inside one outlives a rollback, and
 * a commit is seen by everyone at once. The cache is on throughout and its fake clock never moves, so
 * nothing here is rescued by expiry.
 */
class AuthorizerInTransactionsTest {

    private final Fixture f = Fixture.create();
    private final Authorizer authorizer = f.kit.authorizer();
    private final UnitOfWork unitOfWork = f.stores.unitOfWork();

    /** Thrown to roll a unit of work back. */
    private static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rollback() {
            super("rolled back on purpose");
        }
    }

    private void rolledBack(Runnable work) {
        assertThatThrownBy(() -> unitOfWork.execute(() -> {
            work.run();
            throw new Rollback();
        })).isInstanceOf(Rollback.class);
    }

    private void committed(Runnable work) {
        unitOfWork.execute(() -> {
            work.run();
            return null;
        });
    }

    private void addZachAsContributor() {
        f.kit.members().add(f.bob, f.acme.id(), f.zach.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
    }

    private boolean zachMayUpload() {
        return authorizer.can(f.zach, f.acme.id(), UPLOAD_FILES);
    }

    @Nested
    class Memberships {

        @Test
        void aGrantSeenInsideARolledBackUnitOfWorkIsGoneAtOnce() {
            rolledBack(() -> {
                addZachAsContributor();
                assertThat(zachMayUpload()).as("inside the unit of work").isTrue();
            });

            assertThat(zachMayUpload()).as("after the rollback").isFalse();
            assertThat(authorizer.grant(f.zach, f.acme.id())).isEqualTo(AccessGrant.none());
            assertThat(f.roleOf(f.acme.id(), f.zach)).isEmpty();
        }

        @Test
        void aNoAccessCachedBeforeTheUnitOfWorkDoesNotHideAMemberItAdds() {
            assertThat(zachMayUpload()).as("cached before").isFalse();

            rolledBack(() -> {
                addZachAsContributor();
                assertThat(zachMayUpload()).as("inside the unit of work").isTrue();
            });

            assertThat(zachMayUpload()).as("after the rollback").isFalse();
        }

        @Test
        void aMemberAddedInsideAUnitOfWorkIsSeenByEveryoneAtOnceAfterItCommits() {
            assertThat(zachMayUpload()).as("cached before").isFalse();

            committed(() -> {
                addZachAsContributor();
                assertThat(zachMayUpload()).as("inside the unit of work").isTrue();
            });

            assertThat(zachMayUpload()).as("after the commit").isTrue();
        }

        @Test
        void aMemberRemovedInsideAUnitOfWorkHasNoAccessInsideItAndKeepsItAfterARollback() {
            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).as("cached before").isTrue();

            rolledBack(() -> {
                f.kit.members().remove(f.bob, f.acme.id(), f.dave.userId());
                assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).as("inside the unit of work").isFalse();
            });

            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).as("after the rollback").isTrue();
        }

        @Test
        void aRoleChangedInsideAUnitOfWorkIsSeenInsideItAndUndoneByARollback() {
            assertThat(authorizer.can(f.dave, f.acme.id(), UPLOAD_FILES)).as("cached before").isFalse();

            rolledBack(() -> {
                f.kit.members().changeRole(f.bob, f.acme.id(), f.dave.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
                assertThat(authorizer.can(f.dave, f.acme.id(), UPLOAD_FILES)).as("inside the unit of work").isTrue();
            });

            assertThat(authorizer.can(f.dave, f.acme.id(), UPLOAD_FILES)).as("after the rollback").isFalse();
        }

        @Test
        void aWorkspaceCreatedInARolledBackUnitOfWorkLeavesNoGrantBehind() {
            AtomicReference<Workspace> created = new AtomicReference<>();

            rolledBack(() -> {
                created.set(f.kit.workspaces().create(f.bob, NewWorkspace.of("Initech", "initech")));
                assertThat(authorizer.can(f.bob, created.get().id(), VIEW_WORKSPACE)).as("the lead, inside").isTrue();
                assertThat(authorizer.can(f.alice, created.get().id(), VIEW_WORKSPACE)).as("the admin, inside").isTrue();
            });

            assertThat(authorizer.can(f.bob, created.get().id(), VIEW_WORKSPACE)).as("the lead, after").isFalse();
            assertThat(authorizer.can(f.alice, created.get().id(), VIEW_WORKSPACE)).as("the admin, after").isFalse();
        }

        @Test
        void aMemberAddedByAFailedNestedUnitOfWorkIsNotSeenByTheOuterOne() {
            committed(() -> {
                Throwable nested = catchThrowable(() -> unitOfWork.execute(() -> {
                    addZachAsContributor();
                    assertThat(zachMayUpload()).as("inside the nested unit of work").isTrue();
                    throw new Rollback();
                }));
                assertThat(nested).isInstanceOf(Rollback.class);
                assertThat(zachMayUpload()).as("in the outer unit of work, after the nested one was undone").isFalse();
            });

            assertThat(zachMayUpload()).as("after the commit").isFalse();
        }

        @Test
        void anAnswerReadInsideAUnitOfWorkIsNeverCachedEvenWhenTheKitDidNotSeeTheChange() {
            rolledBack(() -> {
                // Written to the store directly: no event, so the authorizer cannot know; it must still not cache.
                f.stores.memberships().insert(new Membership(f.tenant.id(), f.acme.id(), f.zach.userId(),
                        WorkspaceRole.CLIENT_CONTRIBUTOR, f.clock.instant(), 0));
                assertThat(zachMayUpload()).as("inside the unit of work").isTrue();
            });

            assertThat(zachMayUpload()).as("after the rollback").isFalse();
        }

        @Test
        void aHostCanReportAChangeMadeBehindTheKitsBackInsideAUnitOfWork() {
            assertThat(zachMayUpload()).as("cached before").isFalse();

            rolledBack(() -> {
                f.stores.memberships().insert(new Membership(f.tenant.id(), f.acme.id(), f.zach.userId(),
                        WorkspaceRole.CLIENT_CONTRIBUTOR, f.clock.instant(), 0));
                authorizer.onUncommittedChange(new MemberEvent.MemberAdded(f.tenant.id(), f.acme.id(), f.zach.userId(),
                        WorkspaceRole.CLIENT_CONTRIBUTOR, f.alice, f.clock.instant()));
                assertThat(zachMayUpload()).as("inside the unit of work").isTrue();
            });

            assertThat(zachMayUpload()).as("after the rollback").isFalse();
        }

        @Test
        void aUnitOfWorkThatChangedOneWorkspaceStillAnswersTheOthersFromTheCache() {
            Workspace initech = f.kit.workspaces().create(f.bob, NewWorkspace.of("Initech", "initech"));
            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).isTrue();
            // Behind the kit's back, so that only a cached answer still says yes.
            f.stores.memberships().delete(f.tenant.id(), f.acme.id(), f.dave.userId(), 0);

            committed(() -> {
                f.kit.members().add(f.bob, initech.id(), f.zach.userId(), WorkspaceRole.CLIENT_VIEWER);
                assertThat(authorizer.can(f.zach, initech.id(), VIEW_WORKSPACE)).as("the changed workspace").isTrue();
                assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).as("another workspace, cached").isTrue();
            });
        }

        @Test
        void aLaterUnitOfWorkStartsWithoutTheChangesOfAnEarlierOne() {
            rolledBack(() -> addZachAsContributor());
            assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE)).isTrue();
            f.stores.memberships().delete(f.tenant.id(), f.acme.id(), f.dave.userId(), 0);

            committed(() -> assertThat(authorizer.can(f.dave, f.acme.id(), VIEW_WORKSPACE))
                    .as("acme is no longer marked as changed, so its cached answer is used").isTrue());
        }
    }

    @Nested
    class TheTeamRoster {

        @Test
        void aRosterRemovalInsideAUnitOfWorkIsSeenInsideItAndUndoneByARollback() {
            assertThat(authorizer.can(f.tom, f.acme.id(), VIEW_INTERNAL)).as("cached before").isTrue();
            assertThat(authorizer.tenantRole(f.tom)).as("cached before").contains(TenantRole.TEAM_MEMBER);

            rolledBack(() -> {
                f.kit.tenants().removeTeamMember(f.alice, f.tom.userId());
                assertThat(authorizer.can(f.tom, f.acme.id(), VIEW_INTERNAL)).as("inside the unit of work").isFalse();
                assertThat(authorizer.tenantRole(f.tom)).as("inside the unit of work").isEmpty();
            });

            assertThat(authorizer.can(f.tom, f.acme.id(), VIEW_INTERNAL)).as("after the rollback").isTrue();
            assertThat(authorizer.tenantRole(f.tom)).as("after the rollback").contains(TenantRole.TEAM_MEMBER);
        }

        @Test
        void aPromotionInsideARolledBackUnitOfWorkGrantsNothingAfterwards() {
            assertThat(authorizer.permissions(f.tina, f.acme.id())).as("cached before").isEmpty();

            rolledBack(() -> {
                f.kit.tenants().changeTeamRole(f.alice, f.tina.userId(), TenantRole.TENANT_ADMIN);
                assertThat(authorizer.permissions(f.tina, f.acme.id())).as("inside the unit of work")
                        .containsExactlyInAnyOrder(Permission.values());
            });

            assertThat(authorizer.permissions(f.tina, f.acme.id())).as("after the rollback").isEmpty();
            assertThat(authorizer.tenantRole(f.tina)).as("after the rollback").contains(TenantRole.TEAM_MEMBER);
        }

        @Test
        void aPromotionInsideACommittedUnitOfWorkIsSeenAtOnce() {
            assertThat(authorizer.permissions(f.tina, f.acme.id())).as("cached before").isEmpty();

            committed(() -> f.kit.tenants().changeTeamRole(f.alice, f.tina.userId(), TenantRole.TENANT_ADMIN));

            assertThat(authorizer.permissions(f.tina, f.acme.id())).containsExactlyInAnyOrder(Permission.values());
        }

        @Test
        void aNewTeamUserAddedAndMadeAMemberInsideAUnitOfWorkHasNoAccessAfterARollback() {
            var ted = f.team("ted");
            assertThat(authorizer.can(ted, f.acme.id(), VIEW_INTERNAL)).as("cached before").isFalse();

            rolledBack(() -> {
                f.kit.tenants().addTeamMember(f.alice, ted.userId(), TenantRole.TEAM_MEMBER);
                f.kit.members().add(f.bob, f.acme.id(), ted.userId(), WorkspaceRole.MEMBER);
                assertThat(authorizer.can(ted, f.acme.id(), VIEW_INTERNAL)).as("inside the unit of work").isTrue();
            });

            assertThat(authorizer.can(ted, f.acme.id(), VIEW_INTERNAL)).as("after the rollback").isFalse();
            assertThat(authorizer.tenantRole(ted)).as("after the rollback").isEmpty();
        }
    }

    @Nested
    class ThePermissionMatrix {

        private final PermissionMatrix noUploadsForClientAdmins = PermissionMatrix.defaults()
                .with(WorkspaceRole.CLIENT_ADMIN, Set.of(VIEW_WORKSPACE, Permission.INVITE_CLIENTS));
        private final PermissionMatrix viewersMayUpload = PermissionMatrix.defaults()
                .with(WorkspaceRole.CLIENT_VIEWER, Set.of(VIEW_WORKSPACE, UPLOAD_FILES));

        @Test
        void aMatrixReplacedInsideAUnitOfWorkIsSeenInsideItAndUndoneByARollback() {
            assertThat(authorizer.can(f.carol, f.acme.id(), UPLOAD_FILES)).as("cached before").isTrue();
            assertThat(authorizer.matrix(f.tenant.id())).as("cached before").isEqualTo(PermissionMatrix.defaults());

            rolledBack(() -> {
                f.kit.accessPolicies().replaceMatrix(f.alice, noUploadsForClientAdmins);
                assertThat(authorizer.can(f.carol, f.acme.id(), UPLOAD_FILES)).as("inside the unit of work").isFalse();
                assertThat(authorizer.matrix(f.tenant.id())).as("inside the unit of work").isEqualTo(noUploadsForClientAdmins);
            });

            assertThat(authorizer.can(f.carol, f.acme.id(), UPLOAD_FILES)).as("after the rollback").isTrue();
            assertThat(authorizer.matrix(f.tenant.id())).as("after the rollback").isEqualTo(PermissionMatrix.defaults());
        }

        @Test
        void aPermissionGrantedByAMatrixOfARolledBackUnitOfWorkIsGoneAtOnce() {
            assertThat(authorizer.can(f.dave, f.acme.id(), UPLOAD_FILES)).as("cached before").isFalse();

            rolledBack(() -> {
                f.kit.accessPolicies().replaceMatrix(f.alice, viewersMayUpload);
                assertThat(authorizer.can(f.dave, f.acme.id(), UPLOAD_FILES)).as("inside the unit of work").isTrue();
            });

            assertThat(authorizer.can(f.dave, f.acme.id(), UPLOAD_FILES)).as("after the rollback").isFalse();
        }

        @Test
        void aMatrixReplacedInsideACommittedUnitOfWorkIsSeenAtOnce() {
            assertThat(authorizer.can(f.dave, f.acme.id(), UPLOAD_FILES)).as("cached before").isFalse();

            committed(() -> {
                f.kit.accessPolicies().replaceMatrix(f.alice, viewersMayUpload);
                assertThat(authorizer.can(f.dave, f.acme.id(), UPLOAD_FILES)).as("inside the unit of work").isTrue();
            });

            assertThat(authorizer.can(f.dave, f.acme.id(), UPLOAD_FILES)).as("after the commit").isTrue();
        }
    }

    @Nested
    class Concurrently {

        private static final int ROUNDS = 300;

        /** Checks zach's access in a loop on another thread until stopped; counts the grants it saw. */
        private final class Checker implements AutoCloseable {
            final AtomicBoolean stop = new AtomicBoolean();
            final AtomicInteger checks = new AtomicInteger();
            final List<Boolean> answers = new ArrayList<>();
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final Thread thread = new Thread(this::run, "permission-checker");

            Checker start() {
                thread.start();
                return this;
            }

            private void run() {
                try {
                    while (!stop.get()) {
                        boolean granted = zachMayUpload();
                        checks.incrementAndGet();
                        if (granted) {
                            synchronized (answers) {
                                answers.add(true);
                            }
                        }
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }

            int grantsSeen() {
                synchronized (answers) {
                    return answers.size();
                }
            }

            @Override
            public void close() throws InterruptedException {
                stop.set(true);
                thread.join();
            }
        }

        @Test
        @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void aCheckerNeverSeesAGrantOfAMembershipThatIsAddedAndRolledBackOverAndOver() throws Exception {
            Checker checker = new Checker().start();
            try (checker) {
                for (int i = 0; i < ROUNDS; i++) {
                    rolledBack(() -> {
                        addZachAsContributor();
                        assertThat(zachMayUpload()).as("inside the unit of work").isTrue();
                    });
                    assertThat(zachMayUpload()).as("right after rollback %d", i).isFalse();
                }
            }

            assertThat(checker.failure.get()).isNull();
            assertThat(checker.checks.get()).as("the checker ran").isPositive();
            assertThat(checker.grantsSeen()).as("grants the checker saw").isZero();
        }

        @Test
        @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void committedChangesAreSeenAtOnceWhileAnotherThreadKeepsLoadingTheSameAnswer() throws Exception {
            Checker checker = new Checker().start();
            try (checker) {
                for (int i = 0; i < ROUNDS; i++) {
                    addZachAsContributor();
                    assertThat(zachMayUpload()).as("right after add %d", i).isTrue();
                    f.kit.members().remove(f.bob, f.acme.id(), f.zach.userId());
                    assertThat(zachMayUpload()).as("right after removal %d", i).isFalse();
                }
            }

            assertThat(checker.failure.get()).isNull();
        }

        @Test
        @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void aMatrixChangeCommittedWhileAnotherThreadLoadsIsSeenAtOnce() throws Exception {
            f.kit.members().add(f.bob, f.acme.id(), f.zach.userId(), WorkspaceRole.CLIENT_VIEWER);
            PermissionMatrix viewersMayUpload = PermissionMatrix.defaults()
                    .with(WorkspaceRole.CLIENT_VIEWER, Set.of(VIEW_WORKSPACE, UPLOAD_FILES));
            Checker checker = new Checker().start();
            try (checker) {
                for (int i = 0; i < ROUNDS / 3; i++) {
                    f.kit.accessPolicies().replaceMatrix(f.alice, viewersMayUpload);
                    assertThat(zachMayUpload()).as("right after the grant %d", i).isTrue();
                    f.kit.accessPolicies().resetMatrix(f.alice);
                    assertThat(zachMayUpload()).as("right after the reset %d", i).isFalse();
                }
            }

            assertThat(checker.failure.get()).isNull();
        }
    }
}
