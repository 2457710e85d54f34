package io.herald.publish.activitypub;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * HTTP Signatures as the fediverse uses them. Herald signs with draft-cavage-http-signatures-12
 * ({@code Signature} over {@code (request-target) host date digest}, RSA-SHA256, with a {@code Digest}
 * of the body), the scheme Mastodon sends and accepts; it verifies that scheme and RFC 9421 HTTP
 * Message Signatures ({@code Signature-Input} and {@code Signature}, {@code rsa-v1_5-sha256}, with
 * {@code Content-Digest}). A request whose signature, digest or date does not hold is refused.
 */
public final class HttpSignatures {

    /** How far a request's date may be from now: Mastodon's window. */
    static final Duration WINDOW = Duration.ofHours(1);

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** Why a request was refused. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** A request as it arrived: method, the URL it was sent to, header lookup (any case), body. */
    public record Request(String method, URI target, Function<String, String> header, byte[] body) {
    }

    /** What a verified signature says: the key's id, for its owner to be checked against the activity's actor. */
    public record Verified(String keyId, String scheme) {
    }

    private HttpSignatures() {
    }

    /** The headers of a signed request (Date, Digest for a body, Signature), draft-cavage, as Mastodon sends. */
    public static Map<String, String> sign(String method, URI target, byte[] body, String keyId, PrivateKey key, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        String date = HTTP_DATE.format(now);
        headers.put("Date", date);
        List<String> covered = new ArrayList<>(List.of("(request-target)", "host", "date"));
        StringBuilder base = new StringBuilder("(request-target): ").append(method.toLowerCase(Locale.ROOT)).append(' ')
                .append(pathAndQuery(target)).append("\nhost: ").append(authority(target)).append("\ndate: ").append(date);
        if (body != null) {
            String digest = "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body));
            headers.put("Digest", digest);
            covered.add("digest");
            base.append("\ndigest: ").append(digest);
        }
        String signature = Base64.getEncoder().encodeToString(rsaSign(key, base.toString()));
        headers.put("Signature", "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\"" + String.join(" ", covered)
                + "\",signature=\"" + signature + "\"");
        return headers;
    }

    /** The key id a request is signed with, whichever scheme: to fetch the key before {@link #verify}. */
    public static String keyId(Request request) throws Refused {
        String input = request.header().apply("Signature-Input");
        if (input != null) {
            return Rfc9421.parse(input, request.header().apply("Signature")).keyId();
        }
        String signature = request.header().apply("Signature");
        if (signature == null) {
            throw new Refused("the request is not signed (no Signature header)");
        }
        String keyId = params(signature).get("keyId");
        if (keyId == null || keyId.isBlank()) {
            throw new Refused("the Signature header names no keyId");
        }
        return keyId;
    }

    /** Checks a request's signature with the key of its key id, its body's digest and its date. */
    public static Verified verify(Request request, PublicKey key, Instant now) throws Refused {
        if (request.header().apply("Signature-Input") != null) {
            return Rfc9421.verify(request, key, now);
        }
        Map<String, String> p = params(request.header().apply("Signature"));
        String headers = p.getOrDefault("headers", "date");
        List<String> covered = List.of(headers.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        boolean hasBody = request.body() != null && request.body().length > 0;
        if (!covered.contains("date") && !covered.contains("(created)")) {
            throw new Refused("the signature covers no date");
        }
        if (hasBody && !covered.contains("digest")) {
            throw new Refused("the signature does not cover the body's Digest");
        }
        if (!covered.contains("(request-target)")) {
            throw new Refused("the signature does not cover (request-target)");
        }
        if (covered.contains("date")) {
            checkDate(request.header().apply("Date"), now);
        }
        if (hasBody) {
            checkDigest(request.header().apply("Digest"), request.body());
        }
        StringBuilder base = new StringBuilder();
        for (String h : covered) {
            if (base.length() > 0) {
                base.append('\n');
            }
            switch (h) {
                case "(request-target)" -> base.append(h).append(": ").append(request.method().toLowerCase(Locale.ROOT)).append(' ')
                        .append(pathAndQuery(request.target()));
                case "(created)", "(expires)" -> base.append(h).append(": ").append(required(p, h.substring(1, h.length() - 1)));
                default -> {
                    String v = request.header().apply(h);
                    if (v == null) {
                        throw new Refused("the signature covers the header " + h + ", which the request does not have");
                    }
                    base.append(h).append(": ").append(v.strip());
                }
            }
        }
        String algorithm = p.getOrDefault("algorithm", "rsa-sha256");
        if (!algorithm.equals("rsa-sha256") && !algorithm.equals("hs2019")) {
            throw new Refused("the signature's algorithm " + algorithm + " is not one Herald verifies (rsa-sha256, hs2019 with RSA)");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(required(p, "signature"));
        } catch (IllegalArgumentException e) {
            throw new Refused("the signature is not base64");
        }
        if (!rsaVerify(key, base.toString(), signature)) {
            throw new Refused("the signature does not verify with the key " + p.get("keyId"));
        }
        return new Verified(p.get("keyId"), "draft-cavage-http-signatures-12");
    }

    static void checkDate(String date, Instant now) throws Refused {
        if (date == null) {
            throw new Refused("the request has no Date header");
        }
        Instant at;
        try {
            at = Instant.from(HTTP_DATE.parse(date.strip()));
        } catch (DateTimeParseException e) {
            throw new Refused("the Date header is not an HTTP date");
        }
        checkTime(at, now);
    }

    static void checkTime(Instant at, Instant now) throws Refused {
        if (Duration.between(at, now).abs().compareTo(WINDOW) > 0) {
            throw new Refused("the request was signed at " + at + ", more than an hour from now");
        }
    }

    private static void checkDigest(String digest, byte[] body) throws Refused {
        if (digest == null) {
            throw new Refused("the request has a body but no Digest header");
        }
        for (String part : digest.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equalsIgnoreCase("SHA-256")) {
                if (!MessageDigest.isEqual(Base64.getDecoder().decode(kv[1].strip()), sha256(body))) {
                    throw new Refused("the body does not match its Digest");
                }
                return;
            }
        }
        throw new Refused("the Digest header has no SHA-256 digest");
    }

    /** The {@code name="value"} parameters of a draft-cavage Signature header, read in one pass (the first of each name wins). */
    static Map<String, String> params(String header) {
        Map<String, String> p = new LinkedHashMap<>();
        if (header == null) {
            return p;
        }
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == ',' || Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < n && header.charAt(i) != '=' && header.charAt(i) != ',') {
                i++;
            }
            if (i >= n || header.charAt(i) != '=') {
                continue; // a name without a value: skipped
            }
            String name = header.substring(nameStart, i).strip();
            i++;
            String value;
            if (i < n && header.charAt(i) == '"') {
                int end = header.indexOf('"', i + 1);
                if (end < 0) {
                    break; // an unterminated value: nothing more to read
                }
                value = header.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = header.indexOf(',', i);
                end = end < 0 ? n : end;
                value = header.substring(i, end).strip();
                i = end;
            }
            p.putIfAbsent(name, value);
        }
        return p;
    }

    private static String required(Map<String, String> p, String name) throws Refused {
        String v = p.get(name);
        if (v == null) {
            throw new Refused("the Signature header has no " + name);
        }
        return v;
    }

    static String pathAndQuery(URI target) {
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
    }

    static String authority(URI target) {
        return target.getRawAuthority().toLowerCase(Locale.ROOT);
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    static byte[] rsaSign(PrivateKey key, String base) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(base.getBytes(StandardCharsets.UTF_8));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the actor's key: " + e.getMessage(), e);
        }
    }

    static boolean rsaVerify(PublicKey key, String base, byte[] signature) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(base.getBytes(StandardCharsets.UTF_8));
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
