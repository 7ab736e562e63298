package io.clientworkspace.examples.portal.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The portal's own user accounts, kept in memory: the agency's team and its clients' users. The kit
 * owns no users; it only sees the ids this store hands out (see {@link PortalActorResolver}).
 *
 * <p>Passwords are stored BCrypt-encoded ({@code {bcrypt}...} through the delegating encoder).
 */
public final class PortalUsers {

    /** The authority of the agency's own staff: they act as {@code TEAM} actors. */
    public static final String TEAM = "ROLE_TEAM";
    /** The authority of client users: they act as {@code CLIENT} actors. */
    public static final String CLIENT = "ROLE_CLIENT";

    /** What a new client user may choose as username. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    /** The shortest password a new client user may choose. */
    public static final int MIN_PASSWORD = 8;

    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    private final PasswordEncoder encoder;

    public PortalUsers(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /** The store Spring Security signs users in against (form login and HTTP Basic). */
    public InMemoryUserDetailsManager userDetailsManager() {
        return users;
    }

    /** Adds a team user unless one with this name exists. */
    public synchronized void ensureTeamUser(String username, String rawPassword) {
        if (!users.userExists(username)) {
            users.createUser(user(username, rawPassword, TEAM));
        }
    }

    /** Adds a client user unless one with this name exists. */
    public synchronized void ensureClientUser(String username, String rawPassword) {
        if (!users.userExists(username)) {
            users.createUser(user(username, rawPassword, CLIENT));
        }
    }

    /** Creates a client user if the name is free; empty when it is taken. */
    public synchronized Optional<UserDetails> createClientUser(String username, String rawPassword) {
        if (users.userExists(username)) {
            return Optional.empty();
        }
        users.createUser(user(username, rawPassword, CLIENT));
        return Optional.of(users.loadUserByUsername(username));
    }

    /** Removes a user (used to undo a sign-up whose invitation could not be accepted). */
    public synchronized void delete(String username) {
        users.deleteUser(username);
    }

    /** Whether a user with this name exists. */
    public boolean exists(String username) {
        return users.userExists(username);
    }

    private UserDetails user(String username, String rawPassword, String kind) {
        return User.withUsername(username).password(encoder.encode(rawPassword)).authorities(kind).build();
    }
}
