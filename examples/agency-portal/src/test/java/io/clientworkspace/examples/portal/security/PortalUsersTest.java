package io.clientworkspace.examples.portal.security;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;

/** Login names are for signing in; the kit sees opaque ids that nobody chooses and nobody inherits. */
class PortalUsersTest {

    private static final TenantId TENANT = TenantId.of("t-1");

    private final PortalUsers users = new PortalUsers(PasswordEncoderFactories.createDelegatingPasswordEncoder());

    @Test
    void everyAccountGetsAnOpaqueIdThatIsNotItsName() {
        UserId carol = users.ensureClientUser("carol", "secret-pass");

        assertThat(carol.value()).startsWith(PortalUsers.ID_PREFIX).isNotEqualTo("carol").hasSize(18);
        assertThat(users.idOf("carol")).contains(carol);
        assertThat(users.nameOf(carol)).isEqualTo("carol");
    }

    @Test
    void theIdOfAnAccountStaysTheSame() {
        UserId first = users.ensureTeamUser("alice", "secret-pass");

        assertThat(users.ensureTeamUser("alice", "secret-pass")).isEqualTo(first);
    }

    @Test
    void aNameTakenAgainAfterItsAccountWasDeletedGetsANewId() {
        UserId first = users.createClientUser("mallory", "secret-pass").flatMap(u -> users.idOf("mallory")).orElseThrow();
        users.delete("mallory");

        UserId second = users.createClientUser("mallory", "other-pass").flatMap(u -> users.idOf("mallory")).orElseThrow();

        assertThat(second).isNotEqualTo(first);
        assertThat(users.exists(TENANT, first)).isFalse();
        assertThat(users.exists(TENANT, second)).isTrue();
    }

    @Test
    void asTheKitsDirectoryOnlyIdsItHandedOutExist() {
        UserId dave = users.ensureClientUser("dave", "secret-pass");

        assertThat(users.exists(TENANT, dave)).isTrue();
        assertThat(users.exists(TENANT, UserId.of("dave"))).as("a login name is not an id").isFalse();
        assertThat(users.exists(TENANT, UserId.of("mallory"))).isFalse();
    }

    @Test
    void anUnknownIdIsShownAsItIs() {
        assertThat(users.nameOf(UserId.of("u-0000000000000000"))).isEqualTo("u-0000000000000000");
        assertThat(users.nameOf("file-123")).isEqualTo("file-123");
    }
}
