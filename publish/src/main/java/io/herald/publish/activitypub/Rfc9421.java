package io.herald.publish.activitypub;

import io.herald.publish.activitypub.HttpSignatures.Refused;
import io.herald.publish.activitypub.HttpSignatures.Request;
import io.herald.publish.activitypub.HttpSignatures.Verified;
import java.net.URI;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 9421 HTTP Message Signatures, the verifying side: the first signature of {@code Signature-Input}
 * and its value in {@code Signature}, {@code rsa-v1_5-sha256} keys, the derived components Fedify and
 * Mastodon sign ({@code @method}, {@code @target-uri}, {@code @authority}, {@code @path}, {@code @query},
 * {@code @scheme}, {@code @request-target}) and header fields, with {@code Content-Digest} checked
 * against the body.
 */
final class Rfc9421 {

    /** One signature: its label, covered components, the parameters' text as sent, key id and creation time. */
    record Input(String label, List<String> components, String params, String keyId, Long created, String alg) {
    }

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private Rfc9421() {
    }

    static Input parse(String signatureInput, String signature) throws Refused {
        // label=("component" ...);params — read by hand, in one pass.
        int eq = signatureInput.indexOf('=');
        int close = eq < 0 ? -1 : signatureInput.indexOf(')', eq);
        String label = eq < 0 ? "" : signatureInput.substring(0, eq).strip();
        if (label.isEmpty() || close < 0 || eq + 1 >= signatureInput.length() || signatureInput.charAt(eq + 1) != '('
                || !label.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "_.*-".indexOf(c) >= 0))) {
            throw new Refused("the Signature-Input header is not one Herald reads");
        }
        List<String> components = new ArrayList<>();
        Matcher q = QUOTED.matcher(signatureInput.substring(eq + 2, close));
        while (q.find()) {
            components.add(q.group(1).toLowerCase(Locale.ROOT));
        }
        // The parameters run to the next member (a comma outside quotes) or the end.
        int i = close + 1;
        boolean quoted = false;
        int end = i;
        for (; end < signatureInput.length(); end++) {
            char c = signatureInput.charAt(end);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                break;
            }
        }
        String params = signatureInput.substring(i, end).strip();
        String keyId = null;
        Long created = null;
        String alg = null;
        for (String p : params.split(";")) {
            String[] kv = p.strip().split("=", 2);
            if (kv.length < 2) {
                continue;
            }
            String v = kv[1].strip();
            switch (kv[0].strip()) {
                case "keyid" -> keyId = unquote(v);
                case "alg" -> alg = unquote(v);
                case "created" -> {
                    try {
                        created = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new Refused("the signature's created is not a number");
                    }
                }
                default -> { }
            }
        }
        if (keyId == null || keyId.isBlank()) {
            throw new Refused("the Signature-Input header names no keyid");
        }
        return new Input(label, components, params, keyId, created, alg);
    }

    static Verified verify(Request request, PublicKey key, Instant now) throws Refused {
        Input in = parse(request.header().apply("Signature-Input"), request.header().apply("Signature"));
        if (in.alg() != null && !in.alg().equals("rsa-v1_5-sha256")) {
            throw new Refused("the signature's alg " + in.alg() + " is not one Herald verifies (rsa-v1_5-sha256)");
        }
        if (in.created() == null) {
            throw new Refused("the signature has no created time");
        }
        HttpSignatures.checkTime(Instant.ofEpochSecond(in.created()), now);
        boolean hasBody = request.body() != null && request.body().length > 0;
        if (hasBody && !in.components().contains("content-digest")) {
            throw new Refused("the signature does not cover the body's Content-Digest");
        }
        if (!in.components().contains("@target-uri") && !in.components().contains("@path")
                && !in.components().contains("@request-target")) {
            throw new Refused("the signature does not cover the request's target");
        }
        if (hasBody) {
            checkContentDigest(request.header().apply("Content-Digest"), request.body());
        }
        URI t = request.target();
        StringBuilder base = new StringBuilder();
        for (String c : in.components()) {
            String v = switch (c) {
                case "@method" -> request.method().toUpperCase(Locale.ROOT);
                case "@target-uri" -> t.toString();
                case "@authority" -> HttpSignatures.authority(t);
                case "@scheme" -> t.getScheme().toLowerCase(Locale.ROOT);
                case "@path" -> t.getRawPath();
                case "@query" -> "?" + (t.getRawQuery() == null ? "" : t.getRawQuery());
                case "@request-target" -> HttpSignatures.pathAndQuery(t);
                default -> {
                    if (c.startsWith("@")) {
                        throw new Refused("the signature covers " + c + ", which Herald does not derive");
                    }
                    String h = request.header().apply(c);
                    if (h == null) {
                        throw new Refused("the signature covers the header " + c + ", which the request does not have");
                    }
                    yield h.strip();
                }
            };
            base.append('"').append(c).append("\": ").append(v).append('\n');
        }
        base.append("\"@signature-params\": (").append(String.join(" ", in.components().stream().map(c -> "\"" + c + "\"").toList()))
                .append(')').append(in.params());
        byte[] signature = value(request.header().apply("Signature"), in.label());
        if (!HttpSignatures.rsaVerify(key, base.toString(), signature)) {
            throw new Refused("the signature does not verify with the key " + in.keyId());
        }
        return new Verified(in.keyId(), "rfc9421");
    }

    private static byte[] value(String signature, String label) throws Refused {
        if (signature == null) {
            throw new Refused("the request has Signature-Input but no Signature");
        }
        Matcher m = Pattern.compile("(?:^|,)\\s*" + Pattern.quote(label) + "=:([A-Za-z0-9+/=]*):").matcher(signature);
        if (!m.find()) {
            throw new Refused("the Signature header has no signature " + label);
        }
        return Base64.getDecoder().decode(m.group(1));
    }

    private static void checkContentDigest(String digest, byte[] body) throws Refused {
        if (digest == null) {
            throw new Refused("the request has a body but no Content-Digest header");
        }
        Matcher m = Pattern.compile("(?:^|,)\\s*sha-256=:([A-Za-z0-9+/=]*):").matcher(digest);
        if (!m.find()) {
            throw new Refused("the Content-Digest header has no sha-256 digest");
        }
        if (!MessageDigest.isEqual(Base64.getDecoder().decode(m.group(1)), HttpSignatures.sha256(body))) {
            throw new Refused("the body does not match its Content-Digest");
        }
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
