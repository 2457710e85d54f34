package io.herald.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/** The API token every write endpoint needs when one is set: one check, compared in constant time. */
public final class ApiTokens {

    private ApiTokens() {
    }

    /**
     * Why a request with this {@code Authorization} header is refused, or empty when it may go on
     * (no token is set, or it carries the token as {@code Bearer}, in any case, as RFC 9110 has it).
     */
    public static Optional<String> refusal(Optional<String> token, String authorization) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String given = authorization == null ? null : authorization.strip();
        if (given != null && given.length() > 7 && given.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            given = given.substring(7).strip();
        } else {
            given = null;
        }
        // Constant-time comparison, so the token cannot be guessed byte by byte from timings.
        if (given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(authorization == null
                ? "This Herald requires an API token: send it as \"Authorization: Bearer <token>\"."
                : "The API token is wrong.");
    }
}
