package io.clientworkspace.message.reply;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ReplyAddresses} builds reply addresses and finds the token in them. */
class ReplyAddressesTest {

    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst";

    @Test
    void theTokenIsFoundInAPlainOrNamedAddress() {
        assertThat(ReplyAddresses.token("reply+" + TOKEN + "@mail.example.com")).contains(TOKEN);
        assertThat(ReplyAddresses.token("\"Acme\" <reply+" + TOKEN + "@mail.example.com>")).contains(TOKEN);
        assertThat(ReplyAddresses.token("REPLY+" + TOKEN.toUpperCase(java.util.Locale.ROOT) + "@MAIL.EXAMPLE.COM"))
                .contains(TOKEN);
    }

    @Test
    void anAddressWithoutAWellFormedTokenHasNone() {
        assertThat(ReplyAddresses.token("reply@mail.example.com")).isEmpty();
        assertThat(ReplyAddresses.token("reply+short@mail.example.com")).isEmpty();
        assertThat(ReplyAddresses.token("reply+" + TOKEN + "1@mail.example.com")).isEmpty();
        assertThat(ReplyAddresses.token("x".repeat(10_000))).isEmpty();
    }

    @Test
    void anAddressIsBuiltFromPrefixTokenAndDomain() {
        assertThat(ReplyAddresses.address("reply", TOKEN, "mail.example.com"))
                .isEqualTo("reply+" + TOKEN + "@mail.example.com");
        assertThatThrownBy(() -> ReplyAddresses.address("re@ply", TOKEN, "mail.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
