package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Ghost's X-Ghost-Signature is checked as Ghost makes it: HMAC-SHA256 of the body and then the timestamp. */
class GhostSignatureTest {

    static final Instant NOW = Instant.parse("2026-04-02T07:20:00Z");
    static final byte[] BODY = "{\"post\":{\"current\":{\"title\":\"Is it free?\"}}}".getBytes(StandardCharsets.UTF_8);

    /** The header as Ghost sends it, computed here independently of Herald's code. */
    static String ghostHeader(String secret, byte[] body, Instant at) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String ts = Long.toString(at.toEpochMilli());
        mac.update((new String(body, StandardCharsets.UTF_8) + ts).getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal()) {
            hex.append(String.format("%02x", b));
        }
        return "sha256=" + hex + ", t=" + ts;
    }

    @Test
    void a_request_signed_by_ghost_with_the_secret_verifies() throws Exception {
        assertEquals(Optional.empty(), GhostSignature.refusal("s3cret", ghostHeader("s3cret", BODY, NOW.minusSeconds(3)), BODY, NOW));
    }

    @Test
    void a_changed_body_another_secret_an_old_signature_or_a_malformed_header_is_refused_with_a_reason() throws Exception {
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("free", "paid").getBytes(StandardCharsets.UTF_8);
        assertTrue(GhostSignature.refusal("s3cret", ghostHeader("s3cret", BODY, NOW), changed, NOW).orElseThrow().contains("does not verify"));
        assertTrue(GhostSignature.refusal("s3cret", ghostHeader("other", BODY, NOW), BODY, NOW).orElseThrow().contains("does not verify"));
        assertTrue(GhostSignature.refusal("s3cret", ghostHeader("s3cret", BODY, NOW.minusSeconds(3_600)), BODY, NOW).orElseThrow()
                .contains("replay"));
        assertTrue(GhostSignature.refusal("s3cret", "sha256=abc", BODY, NOW).orElseThrow().contains("sha256=<hex>, t=<milliseconds>"));
    }
}
