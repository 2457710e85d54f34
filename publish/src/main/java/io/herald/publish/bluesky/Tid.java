package io.herald.publish.bluesky;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * A record key in the AT Protocol's TID form (what {@code app.bsky.feed.post} records are keyed by): 13
 * characters of base32-sortable, a 64-bit number whose top bit is 0, then 53 bits of microseconds since
 * the epoch and 10 bits of clock id. Herald chooses each post's key itself, from the snippet it posts, so a
 * retry (after a crash too, or from another instance) writes under the same key and cannot post twice.
 */
public final class Tid {

    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

    private Tid() {
    }

    /** The key of a snippet: the time it stands for, its microseconds and clock id filled from its idempotency key. */
    public static String of(Instant at, String idempotencyKey) {
        byte[] h = sha256(idempotencyKey);
        long spread = ((h[0] & 0xffL) << 8 | (h[1] & 0xffL)) % 1000; // microseconds within the millisecond
        long clock = ((h[2] & 0xffL) << 8 | (h[3] & 0xffL)) & 0x3ff;
        long micros = Math.max(0, at.toEpochMilli()) * 1000 + spread;
        return encode(micros & ((1L << 53) - 1), clock);
    }

    static String encode(long micros, long clock) {
        long v = (micros << 10) | clock; // top bit stays 0: micros has 53 bits
        char[] out = new char[13];
        for (int i = 12; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(out);
    }

    /** Whether a string is a TID as the PDS checks one. */
    static boolean valid(String s) {
        if (s.length() != 13 || "234567abcdefghij".indexOf(s.charAt(0)) < 0) {
            return false;
        }
        return s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
