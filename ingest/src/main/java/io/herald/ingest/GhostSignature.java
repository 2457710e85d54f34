package io.herald.ingest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.Locale;

/**
 * Ghost's own webhook signature, for Ghost cannot send an {@code Authorization} header. A Ghost
 * webhook given a secret sends {@code X-Ghost-Signature: sha256=<hex>, t=<ms>}: the hex HMAC-SHA256,
 * keyed with the secret, of the request body followed by the timestamp (milliseconds since the epoch,
 * in decimal). A signature older or newer than {@link #TOLERANCE} is refused, so a captured request
 * cannot be replayed later.
 */
public final class GhostSignature {

    public static final String HEADER = "X-Ghost-Signature";

    /** How far the signature's time may be from Herald's clock (Ghost retries a request with its first signature). */
    public static final Duration TOLERANCE = Duration.ofMinutes(10);

    private GhostSignature() {
    }

    /** Why a request with this header and body is refused, or empty when its signature verifies. */
    public static Optional<String> refusal(String secret, String header, byte[] body, Instant now) {
        String hex = null;
        String ts = null;
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("sha256=")) {
                hex = p.substring("sha256=".length()).strip();
            } else if (p.startsWith("t=")) {
                ts = p.substring(2).strip();
            }
        }
        if (hex == null || ts == null || !ts.matches("\\d{1,15}")) {
            return Optional.of("The " + HEADER + " header is not \"sha256=<hex>, t=<milliseconds>\".");
        }
        Instant signedAt = Instant.ofEpochMilli(Long.parseLong(ts));
        if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
            return Optional.of("The " + HEADER + " was made at " + signedAt + ", more than " + TOLERANCE.toMinutes()
                    + " minutes from now: refused as a possible replay (check the clocks of Ghost and Herald).");
        }
        byte[] expected = HexFormat.of().formatHex(sign(secret, body, ts)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, hex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("The " + HEADER + " does not verify with ghost-webhook-secret: is it the secret of this webhook in Ghost?");
        }
        return Optional.empty();
    }

    /** The HMAC Ghost sends, for a body and a timestamp (as written in the header). */
    public static byte[] sign(String secret, byte[] body, String ts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(body);
            return mac.doFinal(ts.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
