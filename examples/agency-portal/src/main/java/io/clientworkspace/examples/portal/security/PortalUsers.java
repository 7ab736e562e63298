package io.clientworkspace.examples.portal.security;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.tenant.UserDirectory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The portal's own user accounts, kept in memory: the agency's team and its clients' users. The kit
 * owns no users; it only sees the ids this store hands out (see {@link PortalActorResolver}).
 *
 * <p>People sign in with a login name they choose ({@code carol}), but the kit knows every account by
 * an opaque id generated when the account is created ({@code u-} and 16 random hex digits), never
 * reused. So a name chosen at sign-up can never inherit a membership, an approval or an activity entry
 * meant for someone else: whatever the kit holds is keyed by ids nobody picks. The pages show login
 * names ({@link #nameOf}); the REST API shows ids.
 *
 * <p>This store is the kit's {@link UserDirectory}: only ids it handed out exist.
 *
 * <p>Passwords are stored BCrypt-encoded ({@code {bcrypt}...} through the delegating encoder).
 */
public final class PortalUsers implements UserDirectory {

    /** The authority of the agency's own staff: they act as {@code TEAM} actors. */
    public static final String TEAM = "ROLE_TEAM";
    /** The authority of client users: they act as {@code CLIENT} actors. */
    public static final String CLIENT = "ROLE_CLIENT";

    /** What a new client user may choose as username. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    /** The shortest password a new client user may choose. */
    public static final int MIN_PASSWORD = 8;

    /** How every id this store generates begins. */
    public static final String ID_PREFIX = "u-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    private final PasswordEncoder encoder;
    private final Map<String, UserId> idsByName = new ConcurrentHashMap<>();
    private final Map<UserId, String> namesById = new ConcurrentHashMap<>();

    public PortalUsers(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /** The store Spring Security signs users in against (form login and HTTP Basic). */
    public InMemoryUserDetailsManager userDetailsManager() {
        return users;
    }

    /** Adds a team user unless one with this name exists; answers the user's id. */
    public synchronized UserId ensureTeamUser(String username, String rawPassword) {
        if (!users.userExists(username)) {
            create(user(username, rawPassword, TEAM));
        }
        return idOf(username).orElseThrow();
    }

    /** Adds a client user unless one with this name exists; answers the user's id. */
    public synchronized UserId ensureClientUser(String username, String rawPassword) {
        if (!users.userExists(username)) {
            create(user(username, rawPassword, CLIENT));
        }
        return idOf(username).orElseThrow();
    }

    /** Creates a client user if the name is free; empty when it is taken. */
    public synchronized Optional<UserDetails> createClientUser(String username, String rawPassword) {
        if (users.userExists(username)) {
            return Optional.empty();
        }
        create(user(username, rawPassword, CLIENT));
        return Optional.of(users.loadUserByUsername(username));
    }

    /**
     * Removes a user (used to undo a sign-up whose invitation could not be accepted). Its id is retired
     * with it: a later account of the same name gets a new id.
     */
    public synchronized void delete(String username) {
        users.deleteUser(username);
        UserId id = idsByName.remove(username);
        if (id != null) {
            namesById.remove(id);
        }
    }

    /** The kit's id of the account signed in as {@code username}; empty when there is none. */
    public Optional<UserId> idOf(String username) {
        return Optional.ofNullable(username).map(idsByName::get);
    }

    /** The login name of the account with this id, for display; the id itself for ids no account holds. */
    public String nameOf(UserId id) {
        return namesById.getOrDefault(id, id.value());
    }

    /** {@link #nameOf(UserId)} for an id as text (activity entries name their target as text). */
    public String nameOf(String id) {
        return id.startsWith(ID_PREFIX) && id.length() > ID_PREFIX.length() ? nameOf(UserId.of(id)) : id;
    }

    /** Whether an account holds this id: the portal has one tenant, so every account belongs to it. */
    @Override
    public boolean exists(TenantId tenantId, UserId userId) {
        return namesById.containsKey(userId);
    }

    private void create(UserDetails user) {
        users.createUser(user);
        UserId id;
        do {
            byte[] random = new byte[8];
            RANDOM.nextBytes(random);
            id = UserId.of(ID_PREFIX + HexFormat.of().formatHex(random));
        } while (namesById.putIfAbsent(id, user.getUsername()) != null);
        idsByName.put(user.getUsername(), id);
    }

    /** Whether a user with this name exists. */
    public boolean exists(String username) {
        return users.userExists(username);
    }

    private UserDetails user(String username, String rawPassword, String kind) {
        return User.withUsername(username).password(encoder.encode(rawPassword)).authorities(kind).build();
    }
}
