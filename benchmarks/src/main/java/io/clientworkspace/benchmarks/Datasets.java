package io.clientworkspace.benchmarks;

import io.clientworkspace.member.WorkspaceRole;

/**
 * The shape of the generated data, shared by the seeder and the benchmarks so that both agree on
 * ids without a lookup.
 *
 * <p>Every workspace has {@value #MEMBERS_PER_WORKSPACE} members: a team lead, two team members (from
 * a roster of {@code teamSize} team users, rotating so that each team user serves a fixed share of
 * the workspaces) and 17 client users of its own (one client admin, eight contributors, eight
 * viewers).
 */
final class Datasets {

    static final int MEMBERS_PER_WORKSPACE = 20;

    /** Permission checks: one tenant per size in this database. */
    static final String PERMISSIONS_DB = "bench_permissions";
    static final int PERMISSIONS_TEAM = 20;

    /** Listing and feed: one database per size, one tenant each. */
    static final String LISTING_TENANT = "agency";
    static final int LISTING_TEAM = 50;
    /** Activity entries seeded per workspace: created, 20 members added, one team-only entry. */
    static final int ACTIVITY_PER_WORKSPACE = 22;

    /** Write throughput: activity appends and approvals. */
    static final String WRITES_DB = "bench_writes";
    static final String WRITES_TENANT = "agency";
    /** Workspaces the kit appends to, and the same number again for the bare JDBC ceiling. */
    static final int WRITE_WORKSPACES = 64;

    static final String ADMIN = "admin";

    private Datasets() {
    }

    static String permissionTenant(int assignments) {
        return "perm-" + assignments;
    }

    static String listingDb(int workspaces) {
        return "bench_ws_" + workspaces;
    }

    static String workspaceId(int i) {
        return String.format("w%07d", i);
    }

    static String slug(int i) {
        return String.format("client-%07d", i);
    }

    static String teamUser(int n) {
        return String.format("team-%02d", n);
    }

    /** The user in {@code slot} (0 to 19) of workspace {@code i}. */
    static String member(int i, int slot, int teamSize) {
        return switch (slot) {
            case 0 -> teamUser(i % teamSize);
            case 1 -> teamUser((i + 1) % teamSize);
            case 2 -> teamUser((i + 2) % teamSize);
            default -> "c" + i + "-" + slot;
        };
    }

    /** The role of the user in {@code slot} (0 to 19). */
    static WorkspaceRole role(int slot) {
        if (slot == 0) {
            return WorkspaceRole.LEAD;
        }
        if (slot <= 2) {
            return WorkspaceRole.MEMBER;
        }
        if (slot == 3) {
            return WorkspaceRole.CLIENT_ADMIN;
        }
        return slot <= 11 ? WorkspaceRole.CLIENT_CONTRIBUTOR : WorkspaceRole.CLIENT_VIEWER;
    }
}
