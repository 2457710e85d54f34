package io.herald.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.events.Json;
import io.herald.support.TrackingParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import io.herald.support.Hashes;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jsoup.Jsoup;

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

    /**
     * A notification read: the post, what arrived, a hash of what matters, and which CMS sent it.
     *
     * @param aliases the post's ids in the CMS besides its URL (Ghost's id and uuid; WordPress's guid and ?p=id)
     * @param missing the fields the payload does not carry ({@link #TAGS}, {@link #AUTHOR}, {@link #IMAGE}): WordPress's
     *                REST JSON names tags, categories, the author and the image by number only, unless asked with
     *                {@code ?_embed}. Herald keeps what it has for them rather than erase them
     */
    public record Notification(ParsedPost post, String cms, String contentHash, Instant updatedAt, List<String> aliases,
                               Set<String> missing) {

        public Notification {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            missing = missing == null ? Set.of() : Set.copyOf(missing);
        }

        Notification(ParsedPost post, String cms, String contentHash, Instant updatedAt) {
            this(post, cms, contentHash, updatedAt, List.of(), Set.of());
        }
    }

    /** A field a payload may not carry. */
    public static final String TAGS = "tags";
    public static final String AUTHOR = "author";
    public static final String IMAGE = "image";

    /**
     * A notification that takes a post out of public view, and every id it names the post by: its URL
     * where it has one, and the CMS's own ids (Ghost's unpublish names only a preview URL and the uuid;
     * its delete no URL at all; WordPress's trash a {@code ?p=} link and the permalink in the guid).
     */
    public record Withdrawal(String cms, List<String> refs) {
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
        return n.map(x -> new Notification(x.post(), x.cms(), x.contentHash(), updatedAt(json).orElse(null), x.aliases(), x.missing()));
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
            Notification n = read("ghost", text(ghost, "html"), new PostMeta(text(ghost, "url") == null
                    ? prefixed("ghost-", text(ghost, "uuid")) : null, text(ghost, "title"), text(author, "name"),
                    Dates.required("published_at", text(ghost, "published_at")), text(ghost, "url"),
                    names(ghost.path("tags")), text(ghost, "feature_image")));
            return Optional.of(withIds(n, ghostIds(ghost), Set.of()));
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
            // The REST API names terms, the author and the image by number; their names come only with ?_embed.
            Set<String> missing = new HashSet<>();
            JsonNode embedded = root.path("_embedded");
            List<String> tags = names(first(root.path("tags"), wp.path("tags")));
            if (numbered(root.path("tags")) || numbered(root.path("categories"))) {
                tags = new ArrayList<>();
                for (JsonNode taxonomy : embedded.path("wp:term")) {
                    tags.addAll(names(taxonomy));
                }
                if (!embedded.has("wp:term")) {
                    missing.add(TAGS);
                }
            }
            String author = first(text(root, "author_name"), text(root.path("author"), "name"), text(embedded.path("author").path(0), "name"));
            if (author == null && root.path("author").isNumber()) {
                missing.add(AUTHOR);
            }
            String image = first(text(root, "featured_image_url"), text(root, "jetpack_featured_media_url"),
                    text(embedded.path("wp:featuredmedia").path(0), "source_url"));
            if (image == null && root.path("featured_media").asLong(0) > 0) {
                missing.add(IMAGE);
            }
            Notification n = read("wordpress", html, new PostMeta(url == null ? prefixed("wordpress-", id) : null,
                    title == null ? null : Jsoup.parse(title).text(), author,
                    date == null ? null : Dates.required("date_gmt", date + (date.endsWith("Z") ? "" : "Z")),
                    url, tags, image));
            return Optional.of(withIds(n, wordpressIds(root, wp), missing));
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
    public Optional<Withdrawal> withdrawn(String json) {
        if (parse(json).isPresent()) {
            return Optional.empty();
        }
        Optional<JsonNode> tree = tree(json);
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = tree.get();
        JsonNode ghost = root.path("post");
        List<String> refs = new ArrayList<>();
        if (ghost.has("current") || ghost.has("previous")) {
            for (JsonNode side : List.of(ghost.path("current"), ghost.path("previous"))) {
                String url = text(side, "url");
                if (url != null) {
                    refs.add(TrackingParams.strip(url));
                }
            }
            refs.addAll(ghostIds(ghost.path("current")));
            refs.addAll(ghostIds(ghost.path("previous")));
            return refs.isEmpty() ? Optional.empty() : Optional.of(new Withdrawal("ghost", List.copyOf(new LinkedHashSet<>(refs))));
        }
        JsonNode wp = root.path("post").isObject() && root.path("post").has("post_title") ? root.path("post") : root;
        for (String url : new String[] {text(root, "link"), text(root, "post_permalink"), text(wp, "post_permalink"),
            text(root, "permalink"), text(wp, "permalink")}) {
            if (url != null) {
                refs.add(TrackingParams.strip(url));
            }
        }
        refs.addAll(wordpressIds(root, wp));
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        boolean wordpress = root.path("title").isObject() || wp.has("post_title");
        return Optional.of(new Withdrawal(wordpress ? "wordpress" : "herald", List.copyOf(new LinkedHashSet<>(refs))));
    }

    /** Ghost's own ids of a post: its object id (also its RSS guid) and its uuid. */
    private static List<String> ghostIds(JsonNode post) {
        List<String> ids = new ArrayList<>();
        for (String field : new String[] {"id", "uuid"}) {
            String v = text(post, field);
            if (v != null) {
                ids.add(v);
            }
        }
        return ids;
    }

    /**
     * WordPress's own ids of a post: its guid (what its RSS gives as the item's guid: the first
     * permalink, or {@code <site>/?p=<id>}), and {@code <site>/?p=<id>} itself.
     */
    private static List<String> wordpressIds(JsonNode root, JsonNode wp) {
        List<String> ids = new ArrayList<>();
        String guid = first(text(root.path("guid"), "rendered"), text(root, "guid"), text(wp, "guid"));
        if (guid != null) {
            ids.add(TrackingParams.strip(guid));
        }
        String id = first(text(root, "id"), text(wp, "ID"));
        String link = first(text(root, "link"), guid);
        if (id != null && id.matches("\\d{1,19}") && link != null) {
            try {
                URI u = URI.create(link);
                if (u.getScheme() != null && u.getRawAuthority() != null) {
                    ids.add(u.getScheme() + "://" + u.getRawAuthority() + "/?p=" + id);
                }
            } catch (IllegalArgumentException e) {
                // no site to name the id with
            }
        }
        return ids;
    }

    private static Notification withIds(Notification n, List<String> aliases, Set<String> missing) {
        return new Notification(n.post(), n.cms(), n.contentHash(), n.updatedAt(), List.copyOf(new LinkedHashSet<>(aliases)), missing);
    }

    /** Whether a list of terms is WordPress's term ids (numbers) rather than names. */
    private static boolean numbered(JsonNode terms) {
        if (!terms.isArray() || terms.isEmpty()) {
            return false;
        }
        for (JsonNode t : terms) {
            if (!t.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static Notification read(String cms, String html, PostMeta meta) {
        if (meta.title() == null) {
            throw RejectedPost.badRequest("The " + cms + " notification has no post title.");
        }
        String content = html == null ? "" : html;
        ParsedPost post = new HtmlPostParser().parse("<article>" + content + "</article>", meta.url(), meta);
        String hash = Hashes.sha256(String.join("\u0000", String.valueOf(meta.id()), meta.title(),
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
