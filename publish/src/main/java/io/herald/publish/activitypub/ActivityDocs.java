package io.herald.publish.activitypub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.publish.PostLinks;
import io.herald.publish.Site;
import io.herald.publish.feeds.QaHtml;
import io.herald.publish.social.SnippetComposer;
import io.herald.support.Hashes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The site as an ActivityPub actor, and the documents it serves and sends: its WebFinger descriptor,
 * actor (a Service), NodeInfo, each post as an Article, and the activities (Create, Update, Delete,
 * Accept) that carry them. Ids are stable: a post's Article and each activity have the same id on every
 * instance and every retry, so a server that got one already drops a repeat.
 */
public final class ActivityDocs {

    public static final String MEDIA_TYPE = "application/activity+json";
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    private final String base;
    private final String username;
    private final Site site;
    private final String host;

    /** @param username as {@code activitypub-username} (checked where the settings are read) */
    public ActivityDocs(String baseUrl, String username, Site site) {
        this.base = baseUrl.replaceAll("/+$", "");
        this.username = username;
        this.site = site;
        this.host = URI.create(base).getRawAuthority().toLowerCase(Locale.ROOT);
    }

    public String actorId() {
        return base + "/ap/actor";
    }

    public String keyId() {
        return actorId() + "#main-key";
    }

    public String inbox() {
        return base + "/ap/inbox";
    }

    public String outboxId() {
        return base + "/ap/outbox";
    }

    public String followersId() {
        return base + "/ap/followers";
    }

    /** The handle followers type: {@code @site@example.com}. */
    public String handle() {
        return "@" + username + "@" + host;
    }

    /** Where the site's requests are verified against: {@code base-url} and the path asked for. */
    public URI target(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /** The JRD for {@code acct:<username>@<host>} or the actor's own URL; empty for any other resource. */
    public Optional<ObjectNode> webfinger(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        String r = resource.strip();
        boolean acct = r.toLowerCase(Locale.ROOT).equals("acct:" + username.toLowerCase(Locale.ROOT) + "@" + host);
        if (!acct && !r.equals(actorId())) {
            return Optional.empty();
        }
        ObjectNode jrd = Json.mapper().createObjectNode();
        jrd.put("subject", "acct:" + username + "@" + host);
        jrd.putArray("aliases").add(actorId());
        ArrayNode links = jrd.putArray("links");
        links.addObject().put("rel", "self").put("type", MEDIA_TYPE).put("href", actorId());
        links.addObject().put("rel", "http://webfinger.net/rel/profile-page").put("type", "text/html").put("href", base + "/feeds/");
        return Optional.of(jrd);
    }

    public ObjectNode actor(ActorKey key) {
        ObjectNode a = withContext();
        a.putArray("@context").add("https://www.w3.org/ns/activitystreams").add("https://w3id.org/security/v1");
        a.put("id", actorId());
        a.put("type", "Service");
        a.put("preferredUsername", username);
        a.put("name", site.title());
        if (!site.description().isBlank()) {
            a.put("summary", io.herald.publish.Html.escape(site.description()));
        }
        a.put("url", base + "/feeds/");
        a.put("inbox", inbox());
        a.put("outbox", outboxId());
        a.put("followers", followersId());
        a.putObject("endpoints").put("sharedInbox", inbox());
        a.put("manuallyApprovesFollowers", false);
        a.put("discoverable", true);
        site.icon().ifPresent(icon -> a.putObject("icon").put("type", "Image").put("url", icon));
        a.putObject("image").put("type", "Image").put("url", site.imageUrl(base));
        a.putObject("publicKey").put("id", keyId()).put("owner", actorId()).put("publicKeyPem", key.publicPem());
        return a;
    }

    /** Where NodeInfo 2.1 is, for {@code /.well-known/nodeinfo}. */
    public ObjectNode nodeInfoLinks() {
        ObjectNode n = Json.mapper().createObjectNode();
        n.putArray("links").addObject().put("rel", "http://nodeinfo.diaspora.software/ns/schema/2.1")
                .put("href", base + "/nodeinfo/2.1");
        return n;
    }

    public ObjectNode nodeInfo(String version, int posts) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("version", "2.1");
        n.putObject("software").put("name", "herald").put("version", version).put("homepage", "https://github.com/");
        n.putArray("protocols").add("activitypub");
        ObjectNode services = n.putObject("services");
        services.putArray("inbound");
        services.putArray("outbound").add("rss2.0").add("atom1.0");
        n.put("openRegistrations", false);
        n.putObject("usage").put("localPosts", posts).putObject("users").put("total", 1).put("activeMonth", 1).put("activeHalfyear", 1);
        n.putObject("metadata").put("nodeName", site.title());
        return n;
    }

    /** A post's Article's id. */
    public String objectId(String postId) {
        return base + "/ap/posts/" + URLEncoder.encode(postId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The post as an Article: title, link, summary, its Q&amp;A as HTML, image, hashtags, and a short Note as its preview. */
    public ObjectNode article(EnrichedPost post) {
        ObjectNode o = withContext();
        String link = PostLinks.link(base, post.id(), post.url());
        o.put("id", objectId(post.id()));
        o.put("type", "Article");
        o.put("attributedTo", actorId());
        o.put("name", post.title());
        o.put("url", link);
        if (post.summary() != null && !post.summary().isBlank()) {
            o.put("summary", io.herald.publish.Html.escape(post.summary()));
        }
        o.put("content", QaHtml.render(post));
        o.put("mediaType", "text/html");
        o.putObject("contentMap").put(site.languageOf(post.language()), o.get("content").asText());
        o.put("published", post.published().toString());
        if (post.version() > 1 && post.updated() != null && !post.updated().equals(post.published())) {
            o.put("updated", post.updated().toString());
        }
        o.putArray("to").add(PUBLIC);
        o.putArray("cc").add(followersId());
        ArrayNode tags = o.putArray("tag");
        for (String t : post.tags()) {
            String name = SnippetComposer.hashtag(t);
            if (!name.isEmpty()) {
                tags.addObject().put("type", "Hashtag").put("name", "#" + name).put("href", PostLinks.tagPage(base, t));
            }
        }
        if (!post.images().isEmpty()) {
            o.putObject("image").put("type", "Image").put("url", post.images().get(0));
        }
        ObjectNode preview = o.putObject("preview");
        preview.put("type", "Note");
        preview.put("content", "<p>" + io.herald.publish.Html.escape(post.title()) + "</p><p><a href=\""
                + io.herald.publish.Html.escape(link) + "\">" + io.herald.publish.Html.escape(link) + "</a></p>");
        return o;
    }

    /** Create (a first publication) or Update (a significant edit) of a post, to the public and the followers. */
    public ObjectNode activity(String type, EnrichedPost post) {
        ObjectNode a = withContext();
        a.put("id", activityId(type, post.id(), post.version()));
        a.put("type", type);
        a.put("actor", actorId());
        a.put("published", (type.equals("Update") && post.updated() != null ? post.updated() : post.published()).toString());
        a.putArray("to").add(PUBLIC);
        a.putArray("cc").add(followersId());
        ObjectNode object = article(post);
        object.remove("@context");
        a.set("object", object);
        return a;
    }

    /** Delete of a withdrawn post: its Article becomes a Tombstone. */
    public ObjectNode delete(String postId, int version, Instant at) {
        ObjectNode a = withContext();
        a.put("id", activityId("Delete", postId, version));
        a.put("type", "Delete");
        a.put("actor", actorId());
        a.put("published", at.toString());
        a.putArray("to").add(PUBLIC);
        a.putArray("cc").add(followersId());
        a.putObject("object").put("id", objectId(postId)).put("type", "Tombstone");
        return a;
    }

    /** Accept of a follower's Follow. */
    public ObjectNode accept(JsonNode follow) {
        ObjectNode a = withContext();
        String followId = follow.path("id").asText("");
        a.put("id", actorId() + "/activities/accept/" + Hashes.sha256(followId.getBytes(StandardCharsets.UTF_8)).substring(0, 32));
        a.put("type", "Accept");
        a.put("actor", actorId());
        ObjectNode f = follow.deepCopy();
        f.remove("@context");
        a.set("object", f);
        a.put("to", follow.path("actor").asText());
        return a;
    }

    public String activityId(String type, String postId, int version) {
        return actorId() + "/activities/" + type.toLowerCase(Locale.ROOT) + "/"
                + URLEncoder.encode(postId, StandardCharsets.UTF_8).replace("+", "%20") + "/" + version;
    }

    /** An empty ordered collection with its count: Herald shows how many, never who. */
    public ObjectNode collection(String id, int total) {
        ObjectNode c = withContext();
        c.put("id", id);
        c.put("type", "OrderedCollection");
        c.put("totalItems", total);
        c.putArray("orderedItems");
        return c;
    }

    /** ActivityStreams, and the term for hashtags Mastodon defines (it is not in the core context). */
    private static ObjectNode withContext() {
        ObjectNode o = Json.mapper().createObjectNode();
        ArrayNode context = o.putArray("@context");
        context.add("https://www.w3.org/ns/activitystreams");
        context.addObject().put("Hashtag", "as:Hashtag");
        return o;
    }
}
