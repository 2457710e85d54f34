package io.herald.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.Json;
import io.herald.support.TrackingParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a CMS's "post published" notification. Three shapes are understood:
 * <ul>
 *   <li><b>Ghost</b> webhooks: {@code {"post": {"current": {title, html, url, published_at, tags: [{name}],
 *       primary_author: {name}, feature_image, status}}}};</li>
 *   <li><b>WordPress</b>, as the REST API writes a post ({@code title.rendered}, {@code content.rendered},
 *       {@code link}, {@code date_gmt}, {@code status}) or as webhook plugins send it ({@code post_title},
 *       {@code post_content}, {@code post_date_gmt}, {@code post_status}, {@code post_permalink}/{@code guid},
 *       at the top level or under {@code post}); tags as a list of names;</li>
 *   <li><b>Herald's own</b>: {@code {title, html, url?, author?, published?, tags?, image?, id?}}.</li>
 * </ul>
 * A post whose status says it is not published (a draft, a scheduled post) is ignored, not refused.
 */
public final class CmsWebhookParser {

    /** A notification read: the post, what arrived, a hash of what matters, and which CMS sent it. */
    public record Notification(ParsedPost post, String cms, String contentHash, Instant updatedAt) {
    }

    /**
     * When the CMS last changed the post a notification is about (Ghost's {@code updated_at}, WordPress's
     * {@code modified_gmt}), for published and withdrawn posts alike; empty when it does not say.
     */
    public Optional<Instant> updatedAt(String json) {
        Optional<JsonNode> tree = tree(json);
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = tree.get();
        JsonNode ghost = root.path("post");
        String t = first(text(ghost.path("current"), "updated_at"), text(ghost.path("previous"), "updated_at"));
        if (t == null) {
            JsonNode wp = root.path("post").isObject() && root.path("post").has("post_title") ? root.path("post") : root;
            String gmt = first(text(root, "modified_gmt"), text(wp, "post_modified_gmt"));
            t = gmt == null ? null : gmt + (gmt.endsWith("Z") ? "" : "Z");
        }
        if (t == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Dates.required("updated_at", t));
        } catch (RejectedPost e) {
            return Optional.empty();
        }
    }

    /** @return the post, or empty when the notification is about an unpublished post */
    public Optional<Notification> parse(String json) {
        Optional<Notification> n = read(json);
        return n.map(x -> new Notification(x.post(), x.cms(), x.contentHash(), updatedAt(json).orElse(null)));
    }

    private Optional<Notification> read(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw RejectedPost.badRequest("The webhook body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw RejectedPost.badRequest("The webhook body must be a JSON object.");
        }
        JsonNode ghost = root.path("post").path("current");
        if (ghost.isObject() && ghost.isEmpty() && root.path("post").has("previous")) {
            return Optional.empty(); // post.deleted: nothing current to publish (see withdrawn)
        }
        if (ghost.isObject()) {
            // Members-only and paid posts (visibility other than public) never go into public feeds.
            String visibility = text(ghost, "visibility");
            if (!published(text(ghost, "status")) || visibility != null && !visibility.equalsIgnoreCase("public")) {
                return Optional.empty();
            }
            JsonNode author = ghost.path("primary_author").isObject() ? ghost.path("primary_author")
                    : ghost.path("authors").path(0);
            return Optional.of(read("ghost", text(ghost, "html"), new PostMeta(text(ghost, "url") == null
                    ? prefixed("ghost-", text(ghost, "uuid")) : null, text(ghost, "title"), text(author, "name"),
                    Dates.required("published_at", text(ghost, "published_at")), text(ghost, "url"),
                    names(ghost.path("tags")), text(ghost, "feature_image"))));
        }
        JsonNode wp = root.path("post").isObject() && root.path("post").has("post_title") ? root.path("post") : root;
        if (root.path("title").isObject() || wp.has("post_title")) {
            String title = root.path("title").isObject() ? text(root.path("title"), "rendered") : text(wp, "post_title");
            String html = root.path("content").isObject() ? text(root.path("content"), "rendered") : text(wp, "post_content");
            String status = first(text(root, "status"), text(wp, "post_status"));
            // A password-protected post is not public either.
            boolean protectedPost = root.path("content").path("protected").asBoolean(false)
                    || first(text(wp, "post_password"), text(root, "password")) != null;
            if (!published(status) || protectedPost) {
                return Optional.empty();
            }
            // The permalink, as the site's own RSS gives it; the guid (?p=123) only when there is nothing else.
            String url = first(text(root, "link"), text(root, "post_permalink"), text(wp, "post_permalink"), text(root, "permalink"),
                    text(wp, "permalink"), text(wp, "guid"));
            String id = first(text(root, "id"), text(wp, "ID"));
            String date = first(text(root, "date_gmt"), text(wp, "post_date_gmt"));
            return Optional.of(read("wordpress", html, new PostMeta(url == null ? prefixed("wordpress-", id) : null,
                    title == null ? null : org.jsoup.Jsoup.parse(title).text(), first(text(root, "author_name"),
                    text(root.path("author"), "name")), date == null ? null : Dates.required("date_gmt", date + (date.endsWith("Z") ? "" : "Z")),
                    url, names(first(root.path("tags"), wp.path("tags"))), text(root, "featured_image_url"))));
        }
        return Optional.of(read("herald", first(text(root, "html"), text(root, "content"), text(root, "body")),
                new PostMeta(text(root, "id"), text(root, "title"), text(root, "author"),
                        Dates.required("published", text(root, "published")), text(root, "url"),
                        names(root.path("tags")), text(root, "image"))));
    }

    /**
     * The id (URL) of a post this notification takes out of public view: a Ghost post unpublished,
     * made members-only or deleted ({@code post.deleted} has only {@code previous}), a WordPress post
     * trashed, made private, a draft again or password-protected. Empty when it publishes something
     * or names no URL. Whether Herald has that post is for the caller to decide.
     */
    public Optional<String> withdrawn(String json) {
        if (parse(json).isPresent()) {
            return Optional.empty();
        }
        Optional<JsonNode> tree = tree(json);
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = tree.get();
        JsonNode ghost = root.path("post");
        if (ghost.has("current") || ghost.has("previous")) {
            String url = first(text(ghost.path("current"), "url"), text(ghost.path("previous"), "url"));
            return Optional.ofNullable(url).map(TrackingParams::strip);
        }
        JsonNode wp = root.path("post").isObject() && root.path("post").has("post_title") ? root.path("post") : root;
        return Optional.ofNullable(first(text(root, "link"), text(root, "post_permalink"), text(wp, "post_permalink"),
                text(root, "permalink"), text(wp, "permalink"))).map(TrackingParams::strip);
    }

    private static Notification read(String cms, String html, PostMeta meta) {
        if (meta.title() == null) {
            throw RejectedPost.badRequest("The " + cms + " notification has no post title.");
        }
        String content = html == null ? "" : html;
        ParsedPost post = new HtmlPostParser().parse("<article>" + content + "</article>", meta.url(), meta);
        String hash = io.herald.support.Hashes.sha256(String.join("\u0000", String.valueOf(meta.id()), meta.title(),
                String.valueOf(meta.author()), String.valueOf(meta.published()), String.valueOf(meta.url()),
                String.join(",", meta.tags()), String.valueOf(meta.image()), content));
        return new Notification(post, cms, hash, null);
    }

    /** The notification's JSON, or empty when it is not JSON (a refusal says so elsewhere). */
    private static Optional<JsonNode> tree(String json) {
        try {
            return Optional.ofNullable(Json.mapper().readTree(json));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean published(String status) {
        return status == null || status.equalsIgnoreCase("publish") || status.equalsIgnoreCase("published");
    }

    private static List<String> names(JsonNode tags) {
        List<String> out = new ArrayList<>();
        if (tags == null) {
            return out;
        }
        for (JsonNode t : tags) {
            String name = t.isTextual() ? t.asText() : t.path("name").asText("");
            // Ghost's internal tags ("#newsletter") organise the CMS; they are never public tags or feeds.
            if (!name.isBlank() && !name.strip().startsWith("#")) {
                out.add(name.strip());
            }
        }
        return out;
    }

    private static String prefixed(String prefix, String id) {
        return id == null ? null : prefix + id;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s.strip();
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null && !(v instanceof JsonNode n && (n.isMissingNode() || n.isNull()))) {
                return v;
            }
        }
        return null;
    }
}
