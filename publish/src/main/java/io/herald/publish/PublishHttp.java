package io.herald.publish;

import io.herald.publish.feeds.CacheFriendlyHeaders;
import io.herald.publish.newsletter.NewsletterState;
import io.herald.support.HttpEndpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The publish stage's HTTP surface, declared in one place: the read API and previews, the feeds, the
 * pages and the contracts. Each route consumes its endpoint's {@link HttpEndpoint#uri()}; {@code
 * /openapi.json} is made from this list.
 */
public final class PublishHttp {

    private static final String FEED = "RSS 2.0, Atom 1.0 or JSON Feed 1.1; ETag, Last-Modified, 304 to a conditional request, gzip "
            + "when accepted, Cache-Control: public, max-age=60.";

    public static final HttpEndpoint LIST = HttpEndpoint.get("/api/posts").route("publish-api-list").tag("Posts")
            .summary("List posts", "Newest first; those that match every filter given, how many match, and the languages and "
                    + "sources there are to filter by.")
            .integerQuery("limit", "How many (default 20)").integerQuery("offset", "How many to skip")
            .query("q", "Text in the title, summary, questions, answers or tags (any case)")
            .query("tag", "A tag, or its slug").query("language", "A language code, as the post's language")
            .query("source", "http, inbox, feed or webhook")
            .json("200", "A page of posts", "#/components/schemas/PostList").build();

    public static final HttpEndpoint POST = HttpEndpoint.get("/api/posts/{id}").route("publish-api-post").tag("Posts")
            .summary("One post", "The latest enriched version.")
            .json("200", "The post", "/schemas/EnrichedPost.json").problems("404").build();

    public static final HttpEndpoint NEWSLETTER = HttpEndpoint.get("/api/posts/{id}/newsletter").route("publish-preview-newsletter")
            .tag("Posts").token()
            .summary("The post's newsletter", "As it went out, or what would go out now; X-Herald-Preview says which ("
                    + String.join(", ", NewsletterState.STATES) + ").")
            .problems("401")
            .answers("200", "The newsletter (JSON with Accept: application/json)", "text/html", "application/json")
            .answerHeader("200", "X-Herald-Preview", String.join(", ", NewsletterState.STATES.subList(0,
                    NewsletterState.STATES.size() - 1)) + " or " + NewsletterState.STATES.get(NewsletterState.STATES.size() - 1))
            .problems("404").build();

    public static final HttpEndpoint RESEND = HttpEndpoint.post("/api/posts/{id}/newsletter/resend").route("publish-newsletter-resend")
            .tag("Posts").token()
            .summary("Send the newsletter again", "Hands the post's latest newsletter to the webhook again with fresh retries.")
            .json("202", "Handed to the webhook again", "#/components/schemas/Accepted").problems("401", "404", "409").build();

    public static final HttpEndpoint SOCIAL_RESEND = HttpEndpoint.post("/api/posts/{id}/social/resend").route("publish-social-resend")
            .tag("Posts").token()
            .summary("Send the snippets again", "Hands every snippet of the post the social webhook has not taken to it again, "
                    + "with fresh retries.")
            .json("202", "Handed to the webhook again", "#/components/schemas/Accepted").problems("401", "404", "409").build();

    public static final HttpEndpoint TAGS = HttpEndpoint.get("/api/posts/{id}/tags").route("publish-api-tags").tag("Posts")
            .summary("The post's suggested tags", "Each tag Herald found (not the author's) with its state (suggested, accepted "
                    + "or removed) and whether it is published under the auto-tags setting; and the tags published now.")
            .json("200", "The tags", "#/components/schemas/Object").problems("404").build();

    public static final HttpEndpoint TAG_DECISION = HttpEndpoint.post("/api/posts/{id}/tags").route("publish-api-tags-decide")
            .tag("Posts").token()
            .summary("Accept or remove suggested tags", "{\"accepted\":[…],\"removed\":[…]}: replaces the last decision about "
                    + "the post's suggested tags, for this and every later version; the feeds, pages, newsletters and snippets "
                    + "follow it. Only suggested tags can be named.")
            .body("application/json")
            .json("200", "The tags as published now", "#/components/schemas/Object").problems("400", "401", "404", "413", "422").build();

    public static final HttpEndpoint PENDING = HttpEndpoint.getOnly("/api/pending").route("publish-api-pending").tag("Posts").token()
            .summary("Posts waiting to be published", "The posts that wait for their time (publishAt) or a marketer's approval, "
                    + "soonest first, each with its state and when its newsletter and snippets go out.")
            .json("200", "The waiting posts", "#/components/schemas/Object").problems("401").build();

    public static final HttpEndpoint SCHEDULE_VIEW = HttpEndpoint.getOnly("/api/posts/{id}/schedule").route("publish-api-schedule-view")
            .tag("Posts").token()
            .summary("A post's schedule", "Its state (published, scheduled, awaiting-approval), its time, and when its "
                    + "newsletter and snippets go out (with-post, held or at).")
            .json("200", "The schedule", "#/components/schemas/Object").problems("401", "404").build();

    public static final HttpEndpoint SCHEDULE = HttpEndpoint.post("/api/posts/{id}/schedule").route("publish-api-schedule")
            .tag("Posts").token()
            .summary("Approve or schedule a post", "{\"approved\"?, \"publishAt\"? (a time or \"now\"), \"newsletter\"?, "
                    + "\"snippets\"? (\"with-post\", \"held\" or a time)}: what is not named stays as decided before. A public post "
                    + "cannot be held or scheduled again (409).")
            .body("application/json")
            .json("200", "The post's schedule now", "#/components/schemas/Object").problems("400", "401", "404", "409").build();

    public static final HttpEndpoint SNIPPET_EDIT = HttpEndpoint.post("/api/posts/{id}/social").route("publish-api-social-edit")
            .tag("Posts").token()
            .summary("Edit a snippet before it goes out", "{\"platform\": \"x\", \"text\": \"…\"} (text null: Herald's own again): "
                    + "used for the post's snippet on that network while it has not gone out; the text must show the post's link "
                    + "and fit the network's limit as it counts (422 otherwise).")
            .body("application/json")
            .json("200", "The snippets as they would go out now", "#/components/schemas/Object").problems("400", "401", "404", "409", "422")
            .build();

    public static final HttpEndpoint SOCIAL = HttpEndpoint.get("/api/posts/{id}/social").route("publish-preview-social").tag("Posts")
            .summary("The post's social snippets",
                    "Each snippet as it went out, or as it would go out now, with its length as the network counts it.")
            .json("200", "The snippets", "#/components/schemas/Object").problems("404").build();

    public static final HttpEndpoint PAGE = HttpEndpoint.get("/posts/{id}").route("publish-page").tag("Pages")
            .uriOption("headerFilterStrategy=#" + CacheFriendlyHeaders.NAME)
            .summary("A post's page", "HTML for readers: Q&A with anchors, Open Graph and Twitter Card data, BlogPosting and "
                    + "FAQPage JSON-LD.")
            .answers("200", "HTML", "text/html").problems("404").build();

    public static final HttpEndpoint SITE_IMAGE = HttpEndpoint.get(Site.OWN_IMAGE_PATH).route("publish-site-image").tag("Pages")
            .summary("Herald's own site image", "The 1200×630 card link previews show for posts without an image, when no "
                    + "site-image is set.")
            .answers("200", "PNG", "image/png").build();

    public static final HttpEndpoint SCHEMAS = HttpEndpoint.get("/schemas/{file}").route("publish-schemas").tag("Contracts")
            .summary("An event's JSON Schema", "RawPost.json, EnrichedPost.json, NewsletterPayload.json, SocialSnippet.json, "
                    + "Delivery.json, PostControls.json, Follower.json, LedgerEntry.json or Rejection.json (JSON Schema 2020-12).")
            .answers("200", "The schema", "application/schema+json").problems("404").build();

    public static final HttpEndpoint ASYNCAPI = HttpEndpoint.get("/asyncapi.json").route("publish-asyncapi").tag("Contracts")
            .summary("AsyncAPI 3.0 document of Herald's topics", "Channels, messages, Kafka bindings.")
            .json("200", "The document", "#/components/schemas/Object").build();

    public static final HttpEndpoint TAG_PAGE = HttpEndpoint.get("/tags/{slug}").route("publish-tag-page").tag("Pages")
            .uriOption("headerFilterStrategy=#" + CacheFriendlyHeaders.NAME)
            .summary("A topic's page", "HTML for readers: the posts with the tag, newest first, and its feed to follow.")
            .answers("200", "HTML", "text/html").problems("404").build();

    public static final HttpEndpoint FEED_INDEX = HttpEndpoint.get("/feeds").onRouter().tag("Feeds")
            .summary("Feed index", "Every feed, with autodiscovery links (also at /feeds/, where the pages link to it).")
            .answers("200", "HTML", "text/html").build();

    private static final String AP_OFF = " With activitypub off (the default), 404.";

    public static final HttpEndpoint WEBFINGER = HttpEndpoint.get("/.well-known/webfinger").route("publish-ap-webfinger").tag("Fediverse")
            .summary("WebFinger", "The site's account (acct:<activitypub-username>@<host of base-url>, or its actor's URL): "
                    + "its actor, for Mastodon and every ActivityPub server." + AP_OFF)
            .query("resource", "acct:name@host, or the actor's URL")
            .answers("200", "The JRD", "application/jrd+json").problems("400", "404").build();

    public static final HttpEndpoint NODEINFO_LINKS = HttpEndpoint.get("/.well-known/nodeinfo").route("publish-ap-nodeinfo-links")
            .tag("Fediverse").summary("NodeInfo discovery", "Where NodeInfo 2.1 is." + AP_OFF)
            .json("200", "The links", "#/components/schemas/Object").problems("404").build();

    public static final HttpEndpoint NODEINFO = HttpEndpoint.get("/nodeinfo/2.1").route("publish-ap-nodeinfo").tag("Fediverse")
            .summary("NodeInfo 2.1", "Herald, its version, the ActivityPub protocol, one account and how many posts." + AP_OFF)
            .json("200", "NodeInfo", "#/components/schemas/Object").problems("404").build();

    public static final HttpEndpoint AP_ACTOR = HttpEndpoint.get("/ap/actor").route("publish-ap-actor").tag("Fediverse")
            .summary("The site's actor", "A Service with the site's name, description, icon and image, its inbox, outbox, "
                    + "followers, shared inbox and public key." + AP_OFF)
            .answers("200", "The actor", "application/activity+json").problems("404").build();

    public static final HttpEndpoint AP_OUTBOX = HttpEndpoint.get("/ap/outbox").route("publish-ap-outbox").tag("Fediverse")
            .summary("The site's outbox", "How many posts it has published (the posts themselves are in the feeds)." + AP_OFF)
            .answers("200", "An OrderedCollection", "application/activity+json").problems("404").build();

    public static final HttpEndpoint AP_FOLLOWERS = HttpEndpoint.get("/ap/followers").route("publish-ap-followers").tag("Fediverse")
            .summary("The site's followers", "How many follow it; never who." + AP_OFF)
            .answers("200", "An OrderedCollection", "application/activity+json").problems("404").build();

    public static final HttpEndpoint AP_OBJECT = HttpEndpoint.get("/ap/posts/{id}").route("publish-ap-object").tag("Fediverse")
            .summary("A post as an Article", "The Article the site's Create and Update activities carry (name, url, summary, "
                    + "content, image, hashtags, published, updated, a Note as its preview)." + AP_OFF)
            .answers("200", "The Article", "application/activity+json").problems("404").build();

    public static final HttpEndpoint AP_INBOX = HttpEndpoint.post("/ap/inbox").route("publish-ap-inbox").tag("Fediverse").signed()
            .summary("The site's inbox", "Activities from other servers, each signed with its actor's key (HTTP Signatures: "
                    + "draft-cavage with Digest, or RFC 9421 with Content-Digest); a request whose signature does not verify is "
                    + "refused. Follow of the site makes a follower (and an Accept is sent), Undo of it or Delete of the actor "
                    + "removes it; the rest is taken and let be." + AP_OFF)
            .body("application/activity+json", "application/ld+json")
            .empty("202", "Taken").problems("400", "401", "404", "413").build();

    public static final HttpEndpoint CHANNELS = HttpEndpoint.getOnly("/api/posts/{id}/channels").route("publish-api-channels")
            .tag("Posts").token()
            .summary("Where the post went", "The ledger: per channel and destination (the feeds, a follower's inbox, the post and "
                    + "each reply on Bluesky, a webhook), the last activity, the id it went under, the version it carried, the state "
                    + "(delivered, retrying, failed) and why.")
            .json("200", "The post's channels", "#/components/schemas/Object").problems("401", "404").build();

    /** The feeds, answered on the router by {@code FeedServer}. */
    public static final List<HttpEndpoint> FEEDS = List.of(
            feed("/feeds/all.{format}", "Every post"),
            feed("/feeds/qa.{format}", "One entry per question"),
            feed("/feeds/tags/{slug}.{format}", "One tag's posts (a tag's name redirects to its slug)"),
            feed("/feeds/all/archive/{n}.{format}", "RFC 5005 archive page n (1 is the oldest)"),
            feed("/feeds/qa/archive/{n}.{format}", "RFC 5005 archive page n of the questions feed"),
            feed("/feeds/tags/{slug}/archive/{n}.{format}", "RFC 5005 archive page n of a tag's feed"));

    private PublishHttp() {
    }

    /** Every endpoint publish serves, in the order the API document lists them. */
    public static List<HttpEndpoint> all() {
        List<HttpEndpoint> all = new ArrayList<>(List.of(LIST, POST, TAGS, TAG_DECISION, PENDING, SCHEDULE_VIEW, SCHEDULE, NEWSLETTER, RESEND, SOCIAL, SNIPPET_EDIT,
                SOCIAL_RESEND));
        all.addAll(FEEDS);
        all.addAll(List.of(FEED_INDEX, PAGE, TAG_PAGE, SITE_IMAGE, SCHEMAS, ASYNCAPI));
        all.addAll(List.of(CHANNELS, WEBFINGER, NODEINFO_LINKS, NODEINFO, AP_ACTOR, AP_OUTBOX, AP_FOLLOWERS, AP_OBJECT, AP_INBOX));
        return List.copyOf(all);
    }

    private static HttpEndpoint feed(String path, String summary) {
        HttpEndpoint.Builder b = HttpEndpoint.get(path).onRouter().tag("Feeds").summary(summary, FEED);
        b.param("format", "path", true, "rss, atom or json").putArray("enum").add("rss").add("atom").add("json");
        if (path.contains("{slug}")) {
            b.param("slug", "path", true, "The slug");
        }
        if (path.contains("{n}")) {
            b.param("n", "path", true, "Archive page, 1 = oldest").put("type", "integer").put("minimum", 1);
        }
        b.header("If-None-Match", "An ETag this feed sent").header("If-Modified-Since", "A Last-Modified this feed sent")
                .header("Accept-Encoding", "gzip for a compressed body");
        b.answers("200", "The feed", "application/rss+xml", "application/atom+xml", "application/feed+json");
        for (String h : List.of("ETag", "Last-Modified", "Cache-Control")) {
            b.answerHeader("200", h, null);
        }
        b.empty("304", "Not modified: the reader's copy is current");
        if (path.contains("{slug}")) {
            b.empty("301", "A tag asked for by its name: Location has its slug");
        }
        return b.problems("404").build();
    }
}
