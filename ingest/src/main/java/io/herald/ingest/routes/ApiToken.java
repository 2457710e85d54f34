package io.herald.ingest.routes;

import io.herald.ingest.RejectedPost;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Exchange;

/** The API token every write endpoint needs when one is set, compared in constant time. */
final class ApiToken {

    private ApiToken() {
    }

    static void check(Optional<String> token, Exchange exchange) {
        if (token.isEmpty()) {
            return;
        }
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        String given = header == null ? null : header.strip();
        // "Bearer" in any case, as RFC 9110 has it.
        if (given != null && given.length() > 7 && given.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            given = given.substring(7).strip();
        } else {
            given = null;
        }
        // Constant-time comparison, so the token cannot be guessed byte by byte from timings.
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8))) {
            throw new RejectedPost(401, "Unauthorized", header == null
                    ? "This Herald requires an API token: send it as \"Authorization: Bearer <token>\"."
                    : "The API token is wrong.");
        }
    }
}
