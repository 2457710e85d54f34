package io.herald.publish.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.SocialSnippet;
import io.herald.publish.Outbox;
import io.herald.publish.social.Platform;
import io.herald.publish.social.SnippetComposer;
import io.herald.publish.social.SocialPlan;

/**
 * A marketer's text for one network's snippet, as {@code POST /api/posts/{id}/social} sends it
 * ({@code {"platform", "text"}}), checked against what would go out: a network Herald writes for, a
 * snippet not sent yet, a text that shows the post's link and fits the network's limit as it counts.
 */
final class SnippetEdit {

    static final int MAX_BODY = 32 * 1024;

    /** The network and its text ({@code null}: Herald's own again). */
    record Edit(String platform, String text) {
    }

    private SnippetEdit() {
    }

    static Edit read(EnrichedPost post, byte[] body, SocialPlan plan, Outbox outbox) throws TagDecision.Refused {
        if (body == null || body.length == 0 || body.length > MAX_BODY) {
            throw new TagDecision.Refused(400, "No snippet", "Send {\"platform\": \"x\", \"text\": \"…\"}, or \"text\": null for "
                    + "Herald's own again (at most " + MAX_BODY / 1024 + " KiB).");
        }
        JsonNode asked;
        try {
            asked = Json.read(body, JsonNode.class);
        } catch (IllegalArgumentException e) {
            throw new TagDecision.Refused(400, "Not a snippet", e.getMessage().replaceFirst("^not a readable JsonNode: ", ""));
        }
        String platform = asked.path("platform").asText("");
        Platform network = plan.platforms().stream().filter(p -> p.id().equals(platform)).findFirst()
                .orElseThrow(() -> new TagDecision.Refused(422, "Not a network here", "Snippets are written for "
                        + String.join(", ", plan.platforms().stream().map(Platform::id).toList()) + "; not \"" + platform + "\"."));
        SocialSnippet composed = plan.snippets(post).stream()
                .filter(s -> s.platform().equals(platform)).findFirst().orElseThrow();
        if (outbox.sent(composed.idempotencyKey())) {
            throw new TagDecision.Refused(409, "Already sent", "The " + platform + " snippet of \"" + post.id() + "\" went out already; "
                    + "it cannot be changed now.");
        }
        if (!asked.has("text") || asked.get("text").isNull()) {
            return new Edit(platform, null);
        }
        String text = asked.get("text").asText().strip().replace("\r\n", "\n");
        if (text.isEmpty()) {
            throw new TagDecision.Refused(422, "Empty snippet", "A snippet needs text; send \"text\": null for Herald's own.");
        }
        if (!SnippetComposer.showsLink(composed, text, network)) {
            throw new TagDecision.Refused(422, "The link is missing", "Keep the post's link in the snippet: " + network.shown(composed.link()));
        }
        SocialSnippet edited = SnippetComposer.edited(composed, text, network);
        if (edited.length() > edited.limit()) {
            throw new TagDecision.Refused(422, "Too long for " + platform, "It is " + edited.length() + " long as " + platform
                    + " counts, over its limit of " + edited.limit() + ".");
        }
        return new Edit(platform, text);
    }
}
