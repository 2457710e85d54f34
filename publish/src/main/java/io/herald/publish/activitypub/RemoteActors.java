package io.herald.publish.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.Json;
import io.herald.support.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Other servers' actors and their keys, fetched (with a signed GET, for servers that ask for one) through
 * the outbound policy and kept for an hour: a signature that does not verify with a kept key is checked
 * once more with a fresh one (the actor may have changed its key).
 */
public final class RemoteActors {

    /** An actor as a signature's key id names it: its id, inboxes and the public key. */
    public record Actor(String id, String inbox, String sharedInbox, PublicKey key, Instant fetched) {
    }

    /** The actor could not be fetched or read: its detail says why; {@code gone} when its server answered 410. */
    public static final class Unavailable extends IOException {
        final boolean gone;

        Unavailable(String message, boolean gone) {
            super(message);
            this.gone = gone;
        }
    }

    static final int MAX_BYTES = 256 * 1024;
    private static final int KEPT = 1000;
    private static final Duration FRESH = Duration.ofHours(1);

    private final OutboundHttp http;
    private final ActivityDocs docs;
    private final ActorKey key;
    private final Map<String, Actor> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Actor> eldest) {
            return size() > KEPT;
        }
    };

    public RemoteActors(OutboundHttp http, ActivityDocs docs, ActorKey key) {
        this.http = http;
        this.docs = docs;
        this.key = key;
    }

    /** The actor whose key this is: kept, or fetched now. */
    public Actor byKey(String keyId, boolean fresh) throws Unavailable, InterruptedException {
        Instant now = Instant.now();
        synchronized (kept) {
            Actor a = kept.get(keyId);
            // A fresh copy at most once a minute per key: a stream of bad signatures makes no stream of fetches.
            if (a != null && a.fetched().plus(fresh ? Duration.ofMinutes(1) : FRESH).isAfter(now)) {
                return a;
            }
        }
        Actor a = fetch(keyId);
        synchronized (kept) {
            kept.put(keyId, a);
        }
        return a;
    }

    private Actor fetch(String keyId) throws Unavailable, InterruptedException {
        URI url;
        try {
            url = URI.create(keyId.replaceFirst("#.*$", ""));
        } catch (IllegalArgumentException e) {
            throw new Unavailable("the key id " + keyId + " is not a URL", false);
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
            throw new Unavailable("the key id " + keyId + " is not an http(s) URL", false);
        }
        JsonNode doc = get(url);
        JsonNode k = keyIn(doc, keyId);
        if (k == null) {
            throw new Unavailable(url + " gives no public key " + keyId, false);
        }
        JsonNode actor = doc;
        String owner = k.path("owner").asText(doc.path("id").asText());
        if (!doc.has("inbox")) {
            // A key document of its own: its owner is the actor.
            actor = get(URI.create(owner));
        }
        if (!owner.equals(actor.path("id").asText())) {
            throw new Unavailable("the key " + keyId + " belongs to " + owner + ", not to the actor " + actor.path("id").asText(), false);
        }
        String inbox = actor.path("inbox").asText("");
        if (inbox.isEmpty()) {
            throw new Unavailable("the actor " + owner + " names no inbox", false);
        }
        PublicKey pub;
        try {
            pub = ActorKey.publicFromPem(k.path("publicKeyPem").asText(""));
        } catch (IllegalArgumentException e) {
            throw new Unavailable("the key " + keyId + " is " + e.getMessage(), false);
        }
        String shared = actor.path("endpoints").path("sharedInbox").asText(null);
        return new Actor(owner, inbox, shared, pub, Instant.now());
    }

    private static JsonNode keyIn(JsonNode doc, String keyId) {
        if (doc.has("publicKeyPem")) {
            return doc;
        }
        JsonNode keys = doc.path("publicKey");
        if (keys.isObject()) {
            return keys.path("id").asText().equals(keyId) ? keys : null;
        }
        for (JsonNode k : keys) {
            if (k.path("id").asText().equals(keyId)) {
                return k;
            }
        }
        return null;
    }

    private JsonNode get(URI url) throws Unavailable, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>(HttpSignatures.sign("GET", url, null, docs.keyId(), key.privateKey(), Instant.now()));
        headers.put("Accept", "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
        OutboundHttp.Response r;
        try {
            r = http.send(url, "GET", headers, null, Duration.ofSeconds(10), MAX_BYTES);
        } catch (IOException e) {
            throw new Unavailable("cannot fetch " + url + ": " + e.getMessage(), false);
        }
        if (r.status() == 410) {
            throw new Unavailable(url + " answered 410 Gone", true);
        }
        if (r.status() / 100 != 2) {
            throw new Unavailable(url + " answered HTTP " + r.status(), false);
        }
        try {
            JsonNode doc = Json.read(r.body(), JsonNode.class);
            if (!doc.isObject()) {
                throw new Unavailable(url + " is not a JSON object", false);
            }
            return doc;
        } catch (RuntimeException e) {
            throw new Unavailable(url + " is not JSON", false);
        }
    }
}
