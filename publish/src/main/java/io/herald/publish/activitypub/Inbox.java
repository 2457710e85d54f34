package io.herald.publish.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.Follower;
import io.herald.events.Json;
import io.herald.publish.activitypub.HttpSignatures.Refused;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /ap/inbox}: what other servers send the site. Nothing is read before its HTTP signature
 * verifies with its actor's key and that actor is the activity's; then a Follow of the site makes a
 * follower (and an Accept to send back), an Undo of it or a Delete of the actor removes one, and
 * anything else is taken and let be.
 */
public final class Inbox {

    /** At most this much of a request is read: no activity Herald acts on comes near it. */
    public static final int MAX_BYTES = 1024 * 1024;

    /**
     * What became of a request: the status to answer (and why, for a refusal), and what to do.
     *
     * @param follower a new follower to record
     * @param left     the actor of a follower that left
     * @param accept   the Accept to send to {@code acceptTo}
     */
    public record Outcome(int status, String problem, Follower follower, String left, ObjectNode accept, String acceptTo) {
        static Outcome refused(int status, String why) {
            return new Outcome(status, why, null, null, null, null);
        }

        static Outcome taken() {
            return new Outcome(202, null, null, null, null, null);
        }
    }

    private final ActivityDocs docs;
    private final RemoteActors actors;
    private final Followers followers;

    public Inbox(ActivityDocs docs, RemoteActors actors, Followers followers) {
        this.docs = docs;
        this.actors = actors;
        this.followers = followers;
    }

    public Outcome receive(String pathAndQuery, Function<String, String> header, byte[] body, Instant now) throws InterruptedException {
        if (body == null || body.length == 0) {
            return Outcome.refused(400, "An inbox takes an activity: the request has no body.");
        }
        if (body.length > MAX_BYTES) {
            return Outcome.refused(413, "An activity of " + body.length + " bytes is more than the inbox takes (" + MAX_BYTES + ").");
        }
        // The signature first: nothing of an unsigned or wrongly signed request is read.
        var request = new HttpSignatures.Request("POST", docs.target(pathAndQuery), header, body);
        RemoteActors.Actor actor;
        String keyId = null;
        try {
            keyId = HttpSignatures.keyId(request);
            actor = verified(request, keyId, now);
        } catch (Refused r) {
            return Outcome.refused(401, "The request's signature does not hold: " + r.getMessage() + ".");
        } catch (RemoteActors.Unavailable u) {
            if (u.gone && keyId != null) {
                Optional<String> left = goneFollower(keyId, body);
                if (left.isPresent()) {
                    return new Outcome(202, null, null, left.get(), null, null);
                }
            }
            return Outcome.refused(401, "The request's signing key could not be checked: " + u.getMessage() + ".");
        }
        JsonNode activity;
        try {
            activity = Json.read(body, JsonNode.class);
        } catch (RuntimeException e) {
            return Outcome.refused(400, "The body is not JSON.");
        }
        if (!activity.isObject() || !activity.path("type").isTextual() || !activity.path("actor").isTextual()
                && !activity.path("actor").path("id").isTextual()) {
            return Outcome.refused(400, "The body is not an activity with a type and an actor.");
        }
        String actorId = id(activity.path("actor"));
        if (!actor.id().equals(actorId)) {
            return Outcome.refused(401, "The request is signed by " + actor.id() + " for an activity of " + actorId + ".");
        }
        String type = activity.path("type").asText();
        JsonNode object = activity.path("object");
        switch (type) {
            case "Follow" -> {
                if (!docs.actorId().equals(id(object))) {
                    return Outcome.taken();
                }
                Follower f = Follower.of(actor.id(), actor.inbox(), actor.sharedInbox(), activity.path("id").asText(null),
                        followers.of(actor.id()).map(Follower::followedAt).orElse(now));
                return new Outcome(202, null, f, null, docs.accept(activity), actor.inbox());
            }
            case "Undo" -> {
                boolean follow = "Follow".equals(object.path("type").asText())
                        || followers.of(actor.id()).map(Follower::followId).filter(id -> id.equals(id(object))).isPresent();
                return follow && followers.of(actor.id()).isPresent()
                        ? new Outcome(202, null, null, actor.id(), null, null) : Outcome.taken();
            }
            case "Delete" -> {
                return actor.id().equals(id(object)) && followers.of(actor.id()).isPresent()
                        ? new Outcome(202, null, null, actor.id(), null, null) : Outcome.taken();
            }
            default -> {
                return Outcome.taken();
            }
        }
    }

    private RemoteActors.Actor verified(HttpSignatures.Request request, String keyId, Instant now)
            throws Refused, RemoteActors.Unavailable, InterruptedException {
        RemoteActors.Actor actor = actors.byKey(keyId, false);
        try {
            HttpSignatures.verify(request, actor.key(), now);
            return actor;
        } catch (Refused r) {
            // The actor may have a new key since it was kept: once more with a fresh copy.
            RemoteActors.Actor fresh = actors.byKey(keyId, true);
            if (fresh.key().equals(actor.key())) {
                throw r;
            }
            HttpSignatures.verify(request, fresh.key(), now);
            return fresh;
        }
    }

    /**
     * A follower's Delete of itself whose key can no longer be fetched (its server answers 410 Gone for the account,
     * as Mastodon's does once an account is deleted): the follower that left, if the key is the actor's own (its id
     * with a fragment) and the activity deletes that actor. Its signature cannot be checked, and need not be: a
     * server that says the account is gone is believed about its own account, and nothing else is taken from it.
     */
    private Optional<String> goneFollower(String keyId, byte[] body) {
        String owner = keyId.contains("#") ? keyId.substring(0, keyId.indexOf('#')) : keyId;
        if (followers.of(owner).isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode activity = Json.read(body, JsonNode.class);
            boolean deletesItself = "Delete".equals(activity.path("type").asText()) && owner.equals(id(activity.path("actor")))
                    && owner.equals(id(activity.path("object")));
            return deletesItself ? Optional.of(owner) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** An id given as a string or as an object with an id. */
    static String id(JsonNode node) {
        return node.isTextual() ? node.asText() : node.path("id").asText("");
    }
}
