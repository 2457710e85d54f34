package io.herald.publish.activitypub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the inbox takes as signed, and what it refuses, in both schemes. */
class HttpSignaturesTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final URI INBOX = URI.create("https://blog.example/ap/inbox");
    static final byte[] BODY = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    static HttpSignatures.Request request(Map<String, String> headers, byte[] body) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        h.putIfAbsent("Host", "blog.example");
        return new HttpSignatures.Request("POST", INBOX, h::get, body);
    }

    @Test
    void a_request_herald_signs_verifies_and_a_changed_body_target_key_or_stale_date_is_refused() throws Exception {
        ActorKey key = ActorKey.load(Optional.empty(), dir);
        Map<String, String> signed = HttpSignatures.sign("POST", INBOX, BODY, "https://blog.example/ap/actor#main-key", key.privateKey(), NOW);
        assertEquals("https://blog.example/ap/actor#main-key", HttpSignatures.keyId(request(signed, BODY)));
        assertEquals("draft-cavage-http-signatures-12", HttpSignatures.verify(request(signed, BODY), key.publicKey(), NOW).scheme());

        var changedBody = assertThrows(HttpSignatures.Refused.class,
                () -> HttpSignatures.verify(request(signed, "{\"type\":\"Undo\"}".getBytes(StandardCharsets.UTF_8)), key.publicKey(), NOW));
        assertTrue(changedBody.getMessage().contains("Digest"), changedBody.getMessage());
        var elsewhere = new HttpSignatures.Request("POST", URI.create("https://blog.example/ap/other"), request(signed, BODY).header(), BODY);
        assertThrows(HttpSignatures.Refused.class, () -> HttpSignatures.verify(elsewhere, key.publicKey(), NOW));
        ActorKey other = ActorKey.load(Optional.empty(), dir.resolve("other"));
        assertThrows(HttpSignatures.Refused.class, () -> HttpSignatures.verify(request(signed, BODY), other.publicKey(), NOW));
        var stale = assertThrows(HttpSignatures.Refused.class,
                () -> HttpSignatures.verify(request(signed, BODY), key.publicKey(), NOW.plus(Duration.ofHours(2))));
        assertTrue(stale.getMessage().contains("more than an hour"), stale.getMessage());
        var unsigned = assertThrows(HttpSignatures.Refused.class, () -> HttpSignatures.keyId(request(Map.of(), BODY)));
        assertTrue(unsigned.getMessage().contains("not signed"), unsigned.getMessage());
    }

    @Test
    void the_key_made_once_is_the_key_read_after_a_restart() {
        ActorKey first = ActorKey.load(Optional.empty(), dir);
        ActorKey again = ActorKey.load(Optional.empty(), dir);
        assertEquals(first.publicKey(), again.publicKey());
        assertTrue(first.publicPem().startsWith("-----BEGIN PUBLIC KEY-----\n"));
    }

    /** An RFC 9421 signature made here by the RFC's rules (not by Herald's code): the inbox verifies it, and not a changed one. */
    @Test
    void an_rfc9421_signature_with_content_digest_verifies_and_a_changed_one_does_not() throws Exception {
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        var pair = g.generateKeyPair();
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(BODY)) + ":";
        String date = "Tue, 01 Dec 2026 10:00:00 GMT";
        String params = "(\"@method\" \"@target-uri\" \"@authority\" \"host\" \"date\" \"content-digest\");alg=\"rsa-v1_5-sha256\";"
                + "keyid=\"https://social.example/users/ana#main-key\";created=" + NOW.getEpochSecond();
        String base = "\"@method\": POST\n\"@target-uri\": https://blog.example/ap/inbox\n\"@authority\": blog.example\n"
                + "\"host\": blog.example\n\"date\": " + date + "\n\"content-digest\": " + digest + "\n\"@signature-params\": " + params;
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(pair.getPrivate());
        s.update(base.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("Date", date, "Content-Digest", digest, "Signature-Input", "sig1=" + params,
                "Signature", "sig1=:" + Base64.getEncoder().encodeToString(s.sign()) + ":");
        assertEquals("https://social.example/users/ana#main-key", HttpSignatures.keyId(request(headers, BODY)));
        assertEquals("rfc9421", HttpSignatures.verify(request(headers, BODY), pair.getPublic(), NOW).scheme());
        var changed = assertThrows(HttpSignatures.Refused.class, () -> HttpSignatures.verify(
                request(headers, "{\"type\":\"Undo\"}".getBytes(StandardCharsets.UTF_8)), pair.getPublic(), NOW));
        assertTrue(changed.getMessage().contains("Content-Digest"), changed.getMessage());
    }

    /** Headers are the sender's to write: a huge one of letters is read in one pass and refused, not scanned from every position. */
    @Test
    void a_signature_header_of_a_megabyte_of_letters_is_refused_in_one_pass() {
        String letters = "a".repeat(1 << 20);
        org.junit.jupiter.api.Assertions.assertTimeout(Duration.ofSeconds(5), () -> {
            assertThrows(HttpSignatures.Refused.class, () -> HttpSignatures.keyId(request(Map.of("Signature", letters), BODY)));
            assertThrows(HttpSignatures.Refused.class, () -> HttpSignatures.keyId(request(Map.of("Signature-Input", letters,
                    "Signature", letters), BODY)));
            assertEquals(Map.of("keyId", "k", "headers", "date"), HttpSignatures.params(letters + "=" + letters + ",keyId=\"k\",headers=\"date\"")
                    .entrySet().stream().filter(e -> !e.getKey().startsWith("a")).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                            Map.Entry::getValue)));
        });
    }
}
