package io.clientworkspace.jpa;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ActivityStoreContract;
import io.clientworkspace.tck.ApprovalStoreContract;
import io.clientworkspace.tck.CheckpointSinkContract;
import io.clientworkspace.tck.ConversationStoreContract;
import io.clientworkspace.tck.ConversationsContract;
import io.clientworkspace.spi.CheckpointSink;
import io.clientworkspace.tck.DownloadLogStoreContract;
import io.clientworkspace.tck.EventOutboxContract;
import io.clientworkspace.tck.FileStoreContract;
import io.clientworkspace.tck.FormAssignmentStoreContract;
import io.clientworkspace.tck.FormStoreContract;
import io.clientworkspace.tck.FolderStoreContract;
import io.clientworkspace.tck.InvitationStoreContract;
import io.clientworkspace.tck.IsolationContract;
import io.clientworkspace.tck.MembershipStoreContract;
import io.clientworkspace.tck.MessageStoreContract;
import io.clientworkspace.tck.NonInterferenceContract;
import io.clientworkspace.tck.PermissionMatrixStoreContract;
import io.clientworkspace.tck.RequestStoreContract;
import io.clientworkspace.tck.RequestsContract;
import io.clientworkspace.tck.ReadMarkerStoreContract;
import io.clientworkspace.tck.TeamStoreContract;
import io.clientworkspace.tck.TenantProvisioningContract;
import io.clientworkspace.tck.TenantStoreContract;
import io.clientworkspace.tck.UnitOfWorkContract;
import io.clientworkspace.tck.WorkspaceStoreContract;
import org.junit.jupiter.api.Nested;

/**
 * The whole workspace-tck suite against the JPA stores, every contract in a few lines each, exactly as
 * a plugin author would run it; {@link H2ContractTest} and {@link PostgresContractIT} pick the
 * database.
 */
abstract class JpaContractSuite {

    /** The database this suite runs on. */
    abstract TestDatabase database();

    /** How many operations the isolation run performs on this database. */
    abstract int isolationOperations();

    /** Fresh JPA stores over empty tables (the schema and factory are shared across tests). */
    Stores freshStores() {
        database().reset();
        return JpaStores.create(database().emf());
    }

    @Nested
    class Tenants extends TenantStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class TenantProvisioning extends TenantProvisioningContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Team extends TeamStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class PermissionMatrices extends PermissionMatrixStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Workspaces extends WorkspaceStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Memberships extends MembershipStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Invitations extends InvitationStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Activity extends ActivityStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Checkpoints extends CheckpointSinkContract {
        @Override
        protected CheckpointSink createSink() {
            database().reset();
            return new JpaCheckpointSink(database().emf());
        }
    }

    @Nested
    class Folders extends FolderStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Files extends FileStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Downloads extends DownloadLogStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Approvals extends ApprovalStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Forms extends FormStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Requests extends RequestStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class FormAssignments extends FormAssignmentStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class RequestsService extends RequestsContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Projects extends io.clientworkspace.tck.ProjectStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Milestones extends io.clientworkspace.tck.MilestoneStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class TaskLists extends io.clientworkspace.tck.TaskListStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Tasks extends io.clientworkspace.tck.TaskStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class StatusUpdates extends io.clientworkspace.tck.StatusUpdateStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Onboarding extends io.clientworkspace.tck.OnboardingStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class ProjectsService extends io.clientworkspace.tck.ProjectsContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class ProjectsNonInterference extends io.clientworkspace.tck.ProjectsNonInterferenceContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Conversations extends ConversationStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Messages extends MessageStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class ReadMarkers extends ReadMarkerStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class ConversationService extends ConversationsContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class ReplyTokens extends io.clientworkspace.tck.ReplyTokenStoreContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Replies extends io.clientworkspace.tck.RepliesContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class Outbox extends EventOutboxContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }

    @Nested
    class UnitsOfWork extends UnitOfWorkContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }

        /** A failed nested JPA unit of work marks the whole transaction rollback-only (no savepoints). */
        @Override
        protected boolean nestedFailuresAreUndoneLikeSavepoints() {
            return false;
        }
    }

    @Nested
    class Isolation extends IsolationContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }

        /**
         * Fewer operations than the in-memory run's 10,000: each step re-reads every workspace for every
         * actor through real SQL, and the build must stay fast. {@code -Disolation.operations=10000}
         * runs the full count.
         */
        @Override
        protected int operations() {
            return Integer.getInteger(OPERATIONS_PROPERTY, isolationOperations());
        }
    }

    @Nested
    class NonInterference extends NonInterferenceContract {
        @Override
        protected Stores createStores() {
            return freshStores();
        }
    }
}
