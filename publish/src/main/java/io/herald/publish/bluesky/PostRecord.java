package io.herald.publish.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.LinkFacet;
import io.herald.events.SocialSnippet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An {@code app.bsky.feed.post} record for a snippet: its text, the links it shows in short as
 * {@code app.bsky.richtext.facet#link} facets (byte offsets in the text's UTF-8), the post's language, and
 * on the first post of a thread an {@code app.bsky.embed.external} card (the page's title, summary and
 * image); a reply names the thread's first post as root and the one before it as parent.
 */
final class PostRecord {

    /** The card's description, at most this many characters. */
    static final int DESCRIPTION = 300;

    private PostRecord() {
    }

    static ObjectNode of(SocialSnippet s, EnrichedPost post, Instant createdAt, JsonNode thumb, BlueskyClient.Ref root,
                         BlueskyClient.Ref parent) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("$type", BlueskyClient.POSTS);
        r.put("text", s.text());
        r.put("createdAt", createdAt.truncatedTo(ChronoUnit.MILLIS).toString());
        if (post.language() != null && !post.language().isBlank()) {
            r.putArray("langs").add(post.language());
        }
        if (!s.facets().isEmpty()) {
            ArrayNode facets = r.putArray("facets");
            for (LinkFacet f : s.facets()) {
                ObjectNode facet = facets.addObject();
                facet.putObject("index").put("byteStart", f.byteStart()).put("byteEnd", f.byteEnd());
                facet.putArray("features").addObject().put("$type", "app.bsky.richtext.facet#link").put("uri", f.uri());
            }
        }
        if (root == null) {
            ObjectNode external = r.putObject("embed").put("$type", "app.bsky.embed.external").putObject("external");
            external.put("uri", s.link() != null ? s.link() : post.url());
            external.put("title", post.title() == null ? "" : post.title());
            external.put("description", cut(post.summary() == null ? "" : post.summary()));
            if (thumb != null) {
                external.set("thumb", thumb);
            }
        } else {
            ObjectNode reply = r.putObject("reply");
            reply.putObject("root").put("uri", root.uri()).put("cid", root.cid());
            reply.putObject("parent").put("uri", parent.uri()).put("cid", parent.cid());
        }
        return r;
    }

    private static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= DESCRIPTION) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, DESCRIPTION - 1)).stripTrailing() + "…";
    }
}
