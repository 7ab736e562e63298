package io.clientworkspace.message.reply;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Helpers for the host's reply addresses of the form {@code <prefix>+<token>@<domain>}, e.g.
 * {@code reply+k3j...@mail.example.com}. Which prefix and domain the host uses, and how its mail server routes
 * them, is the host's business; the kit only issues and checks the token.
 */
public final class ReplyAddresses {

    /** A token as issued: 52 characters of the lower-case base32 alphabet. */
    public static final Pattern TOKEN = Pattern.compile("[a-z2-7]{52}");

    private static final Pattern ADDRESS = Pattern.compile(
            "^(?:.{0,200}<)?\\s*[^\\s@<>+]{1,64}\\+([A-Za-z2-7]{52})@[^\\s@<>]{1,253}\\s*>?\\s*$");

    private ReplyAddresses() {
    }

    /** {@code prefix + "+" + token + "@" + domain}. */
    public static String address(String prefix, String token, String domain) {
        requireNonNull(prefix, "prefix must not be null");
        requireNonNull(token, "token must not be null");
        requireNonNull(domain, "domain must not be null");
        if (prefix.isEmpty() || prefix.contains("@") || prefix.contains("+") || domain.isEmpty() || domain.contains("@")) {
            throw new IllegalArgumentException("prefix and domain must be non-empty and contain no '@' or '+' (prefix)");
        }
        return prefix + "+" + token + "@" + domain;
    }

    /**
     * The token in an address like {@code reply+TOKEN@example.com} or {@code "Acme" <reply+TOKEN@example.com>}
     * (mail servers may upper-case the local part: the token is returned lower-cased); empty when the address
     * has no well-formed token.
     */
    public static Optional<String> token(String address) {
        requireNonNull(address, "address must not be null");
        if (address.length() > 600) {
            return Optional.empty();
        }
        Matcher m = ADDRESS.matcher(address);
        return m.matches() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
