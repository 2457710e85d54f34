package io.herald.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schema (2020-12) of every event Herald writes, made from the event records themselves so the
 * schema cannot drift from the code: each record component is a property of its JSON type, nested
 * records are {@code $defs}, and the fields every event always carries are required. Values Herald
 * leaves out when empty (it writes no {@code null}) are optional.
 */
public final class EventSchemas {

    /** The events, by the name their schema is published under ({@code /schemas/{name}.json}). */
    public static final Map<String, Class<? extends Record>> EVENTS = Map.of(
            "RawPost", RawPost.class,
            "EnrichedPost", EnrichedPost.class,
            "NewsletterPayload", NewsletterPayload.class,
            "SocialSnippet", SocialSnippet.class,
            "Delivery", Delivery.class,
            "PostControls", PostControls.class,
            "Follower", Follower.class,
            "LedgerEntry", LedgerEntry.class,
            "Rejection", Rejection.class);

    /** Fields present in every value of an event (beyond primitives, which are always written). */
    private static final Map<Class<?>, Set<String>> REQUIRED = Map.ofEntries(
            Map.entry(RawPost.class, Set.of("id", "source", "contentType", "body", "receivedAt", "contentHash", "title", "tags", "qa", "links", "images")),
            Map.entry(EnrichedPost.class, Set.of("id", "title", "published", "updated", "language", "qa", "links", "images", "tags", "provenance",
                    "contentHash", "entities")),
            Map.entry(NewsletterPayload.class, Set.of("idempotencyKey", "kind", "subject", "html", "text", "tags")),
            Map.entry(SocialSnippet.class, Set.of("idempotencyKey", "postId", "platform", "text")),
            Map.entry(Delivery.class, Set.of("idempotencyKey", "target", "state", "at")),
            Map.entry(PostControls.class, Set.of("postId", "acceptedTags", "removedTags", "updated")),
            Map.entry(Follower.class, Set.of("actor", "inbox", "followedAt")),
            Map.entry(LedgerEntry.class, Set.of("postId", "channel", "destination", "activity", "externalId", "state", "at")),
            Map.entry(Rejection.class, Set.of("stage", "reason", "source", "rejectedAt")),
            Map.entry(QaPair.class, Set.of("question")),
            Map.entry(EnrichedQa.class, Set.of("id", "question")),
            Map.entry(Entity.class, Set.of("name", "type")),
            Map.entry(Provenance.class, Set.of("step", "version")));

    /** What each field means, by {@code Record.field}: the schema's descriptions. */
    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("id", "The post's id: its JSON id, canonical URL without tracking parameters, or a slug of its title. Also the record key."),
            Map.entry("RawPost.source", "Where it came from: http, inbox:<file>, feed:<url>, webhook:<cms>."),
            Map.entry("RawPost.contentType", "The media type it arrived as (text/plain, text/markdown, text/html, application/json)."),
            Map.entry("RawPost.body", "The post verbatim, as it arrived."),
            Map.entry("RawPost.receivedAt", "When Herald accepted it."),
            Map.entry("contentHash", "SHA-256 (hex) of the body: the same id with the same hash is the same content."),
            Map.entry("title", "The title, plain text."),
            Map.entry("author", "The author's name, when the post gives one."),
            Map.entry("published", "When the post was first published (kept across versions)."),
            Map.entry("url", "The post's own canonical URL, when it has one."),
            Map.entry("tags", "Tags: the post's own, then (enriched) key phrases found in it."),
            Map.entry("intro", "Text before the first question, plain."),
            Map.entry("qa", "The questions and answers, in order."),
            Map.entry("outro", "Text after the last answer, plain."),
            Map.entry("links", "Links the post contains (absolute URLs)."),
            Map.entry("images", "Images the post contains (absolute URLs); the first is the lead image."),
            Map.entry("backlog", "An entry of a newly added upstream feed published before Herald first read it: in the feeds, not announced."),
            Map.entry("EnrichedPost.version", "1 for a new post; each changed content of the same id is the next version."),
            Map.entry("EnrichedPost.updated", "When this version's change reached Herald (a typo fix keeps the previous time)."),
            Map.entry("EnrichedPost.language", "ISO 639-1 code, or und when the text does not tell."),
            Map.entry("EnrichedPost.autoTags", "The tags among tags that Herald found in the text, not the author's: suggestions a "
                    + "marketer accepts or removes (herald.posts.controls). Absent on versions made before it existed."),
            Map.entry("Follower.actor", "The follower's ActivityPub actor id (a URL). Also the record key."),
            Map.entry("Follower.inbox", "The follower's own inbox."),
            Map.entry("Follower.sharedInbox", "Its server's shared inbox, when it names one: activities go there, once per server."),
            Map.entry("Follower.followId", "The id of the Follow activity Herald accepted."),
            Map.entry("Follower.followedAt", "When Herald accepted the Follow: posts published from then on are sent to it."),
            Map.entry("LedgerEntry.postId", "The post."),
            Map.entry("LedgerEntry.channel", "activitypub (a follower's inbox), bluesky (the account's repository on its PDS), feed (the site's feeds), newsletter or social-webhook (a webhook's deliveries)."),
            Map.entry("LedgerEntry.destination", "Where it went: for activitypub, the (shared) inbox URL; for bluesky, the account's handle, with #n after it for the n-th reply of a thread; for feed, /feeds; for a webhook, its URL with credentials masked."),
            Map.entry("LedgerEntry.version", "The post's version the last activity carried."),
            Map.entry("LedgerEntry.activity", "What was sent last: Create, Update or Delete; for a webhook, Announcement, Correction or Snippet."),
            Map.entry("LedgerEntry.externalId", "The id the channel knows it by (the same on every retry): for activitypub, the activity's id; for bluesky, the record's at:// URI, its key chosen by Herald; for feed, the entries' id (the same in every feed); for a webhook, the payload's idempotency key."),
            Map.entry("LedgerEntry.objectId", "The id of the post on that channel, where it has one: for activitypub, the Article's id; for bluesky, the record's CID once the PDS took it; for feed, the entries' id."),
            Map.entry("LedgerEntry.state", "delivered (the destination answered 2xx), retrying (another try follows at nextAttemptAt) "
                    + "or failed (every retry failed, or the destination is gone)."),
            Map.entry("LedgerEntry.attempts", "Tries of this activity so far."),
            Map.entry("LedgerEntry.reason", "Why the last try failed."),
            Map.entry("LedgerEntry.at", "When this state was reached."),
            Map.entry("LedgerEntry.nextAttemptAt", "When the next try is due (retrying only)."),
            Map.entry("LedgerEntry.deliveredVersion", "The version the destination last took: 0 before any, -1 once it took the Delete."),
            Map.entry("PostControls.postId", "The post the decision is about. Also the record key."),
            Map.entry("PostControls.acceptedTags", "Auto-tags a marketer accepted: with auto-tags=approved, only these of the auto-tags are published."),
            Map.entry("PostControls.removedTags", "Auto-tags a marketer removed: never published."),
            Map.entry("PostControls.updated", "When the decision was made."),
            Map.entry("PostControls.approved", "A marketer approved the post: one that needs approval is published (at its time, if it has one)."),
            Map.entry("PostControls.publishAt", "When the post is to be published, replacing the time it was sent with; absent: as sent."),
            Map.entry("PostControls.newsletter", "When the newsletter of a post published later goes out: with-post (the default), held "
                    + "(until another decision) or at (newsletterAt)."),
            Map.entry("PostControls.newsletterAt", "The time for newsletter=at."),
            Map.entry("PostControls.snippets", "When the social snippets of a post published later go out: with-post, held or at (snippetsAt)."),
            Map.entry("PostControls.snippetsAt", "The time for snippets=at."),
            Map.entry("PostControls.snippetTexts", "A marketer's own text for a network's snippet (by network: x, mastodon, bluesky, "
                    + "linkedin), used instead of Herald's for the post's snippets not yet sent."),
            Map.entry("publishAt", "When the post is to be published, if it was sent scheduled (?publishAt=); until then only the dashboard shows it."),
            Map.entry("needsApproval", "The post waits for a marketer's approval before it is published (approval=required when its "
                    + "first version arrived); once approved, every later version is published too."),
            Map.entry("EnrichedPost.summary", "Two or three central sentences of the answers."),
            Map.entry("EnrichedPost.readingTimeMinutes", "Minutes to read, at least 1."),
            Map.entry("EnrichedPost.wordCount", "Words (CJK characters counted one each)."),
            Map.entry("EnrichedPost.provenance", "Each transformation step and its version, in order."),
            Map.entry("EnrichedPost.entities", "Organizations, people, places and programs mentioned, in order of first mention."),
            Map.entry("EnrichedPost.minorEdit", "This version only fixed typos: readers and newsletters see nothing new."),
            Map.entry("EnrichedPost.receivedAt", "When the raw post of this version was accepted (by ingest's clock: shown, never used to order versions)."),
            Map.entry("EnrichedPost.sourceKind", "The kind of door the post came in by: http (the API and the dashboard), inbox, feed or "
                    + "webhook (a CMS); only the kind, never a file name or an address. Absent on versions made before it existed."),
            Map.entry("EnrichedPost.rawOffset", "The offset in herald.posts.raw of the raw post this version was made from: versions of a post are "
                    + "ordered by it (all are on one partition), never by clocks. Absent on versions made before it existed."),
            Map.entry("RawPost.sourceUpdatedAt", "When the CMS that sent it last changed the post, as its notification says; an older "
                    + "notification never replaces the post. Absent for other sources."),
            Map.entry("idempotencyKey", "The same for every copy of the same payload: <post id>:v<version>:newsletter:<kind>, "
                    + "<post id>:v<version>:social:<platform>[:<n>] or digest:<window end>, always visible ASCII (the post id's other "
                    + "characters percent-encoded as UTF-8), as it travels as the Idempotency-Key header. Drop repeats by it (it is also ce_id)."),
            Map.entry("RawPost.aliases", "The post's ids where it came from, besides its URL (Ghost's id and uuid, WordPress's "
                    + "?p=<id> link and guid, a feed entry's guid): a CMS notification naming the post only by one of them still finds it."),
            Map.entry("postId", "The post it is about."),
            Map.entry("NewsletterPayload.version", "The post version it announces."),
            Map.entry("NewsletterPayload.kind", "announcement, correction or digest."),
            Map.entry("NewsletterPayload.subject", "The e-mail subject."),
            Map.entry("NewsletterPayload.preheader", "The preview line shown after the subject."),
            Map.entry("NewsletterPayload.html", "The e-mail body, HTML (safe: no scripts, no remote code)."),
            Map.entry("NewsletterPayload.text", "The e-mail body, plain text."),
            Map.entry("NewsletterPayload.url", "Where the post is read, with UTM tags."),
            Map.entry("SocialSnippet.version", "The post version it announces."),
            Map.entry("SocialSnippet.platform", "x, mastodon, bluesky or linkedin."),
            Map.entry("SocialSnippet.text", "The snippet, ready to post."),
            Map.entry("SocialSnippet.length", "Its length as the platform counts it."),
            Map.entry("SocialSnippet.limit", "The platform's limit; length is at most this."),
            Map.entry("SocialSnippet.link", "The URL the snippet links to (with the network's UTM tags)."),
            Map.entry("SocialSnippet.facets", "Where the text shows a link in short and which URL it stands for (Bluesky: post them as "
                    + "app.bsky.richtext.facet#link features); empty for the other networks, whose text has the whole link."),
            Map.entry("LinkFacet.byteStart", "The shown link's first byte in the text's UTF-8."),
            Map.entry("LinkFacet.byteEnd", "The byte after the shown link."),
            Map.entry("LinkFacet.uri", "The whole URL."),
            Map.entry("Delivery.channel", "newsletter (a payload of herald.newsletter at newsletter-webhook) or social (a snippet of "
                    + "herald.social at social-webhook); absent on records written before channels were recorded, which are newsletters'."),
            Map.entry("Delivery.target", "Where it was delivered (the webhook URL, its credentials masked)."),
            Map.entry("Delivery.state", "delivered (the webhook answered 2xx), retrying (a try failed, another follows at "
                    + "nextAttemptAt) or failed (no tries left; a re-send starts over)."),
            Map.entry("Delivery.attempts", "Tries so far."),
            Map.entry("Delivery.reason", "Why the last try failed."),
            Map.entry("Delivery.at", "When this state was reached."),
            Map.entry("Delivery.nextAttemptAt", "When the next try is due (retrying only)."),
            Map.entry("Rejection.stage", "The stage that refused it: ingest, transform or publish. Also the record key."),
            Map.entry("Rejection.reason", "Why, in words."),
            Map.entry("Rejection.source", "Where the input came from (http, inbox:<file>, a topic)."),
            Map.entry("Rejection.contentType", "Its declared media type."),
            Map.entry("Rejection.originTopic", "For a record: the topic it was read from."),
            Map.entry("Rejection.originPartition", "For a record: its partition."),
            Map.entry("Rejection.originOffset", "For a record: its offset."),
            Map.entry("Rejection.originalBase64", "The refused bytes, base64."),
            Map.entry("Rejection.rejectedAt", "When it was refused."),
            Map.entry("QaPair.question", "The question, plain text."),
            Map.entry("QaPair.answer", "The answer, plain text."),
            Map.entry("QaPair.answerHtml", "The answer's markup as it came (links, emphasis, lists), not yet sanitized."),
            Map.entry("EnrichedQa.id", "The pair's anchor, stable across versions (#anchor on the post's page)."),
            Map.entry("EnrichedQa.question", "The question, plain text."),
            Map.entry("EnrichedQa.answer", "The answer, plain text."),
            Map.entry("EnrichedQa.answerHtml", "The answer as sanitized HTML."),
            Map.entry("Entity.name", "The entity's name."),
            Map.entry("Entity.type", "organization, person, place or program."),
            Map.entry("Provenance.step", "The step's name."),
            Map.entry("Provenance.version", "The step's version: it changes when the step's output would."));

    private EventSchemas() {
    }

    public static ObjectNode schema(String name) {
        Class<? extends Record> type = EVENTS.get(name);
        if (type == null) {
            throw new IllegalArgumentException("no event " + name + "; there are " + EVENTS.keySet());
        }
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "urn:herald:schema:" + name + ":" + Schema.VERSION);
        root.put("title", name);
        root.put("description", "Herald's " + name + " event, schema version " + Schema.VERSION
                + ". Readers ignore properties they do not know; a value with a higher schema version is refused.");
        ObjectNode defs = Json.mapper().createObjectNode();
        object(type, root, defs);
        ((ObjectNode) root.get("properties")).putObject("schema").put("type", "integer").put("minimum", 1)
                .put("description", "The event schema version; " + Schema.VERSION + " for this schema.");
        if (!defs.isEmpty()) {
            root.set("$defs", defs);
        }
        return root;
    }

    private static void object(Class<?> type, ObjectNode into, ObjectNode defs) {
        into.put("type", "object");
        ObjectNode properties = into.putObject("properties");
        ArrayNode required = into.putArray("required");
        for (RecordComponent c : type.getRecordComponents()) {
            ObjectNode p = property(c.getGenericType(), defs);
            String description = DESCRIPTIONS.getOrDefault(type.getSimpleName() + "." + c.getName(), DESCRIPTIONS.get(c.getName()));
            if (description != null) {
                p.put("description", description);
            }
            properties.set(c.getName(), p);
            if (c.getType().isPrimitive() || REQUIRED.getOrDefault(type, Set.of()).contains(c.getName())) {
                required.add(c.getName());
            }
        }
    }

    private static ObjectNode property(Type type, ObjectNode defs) {
        ObjectNode p = Json.mapper().createObjectNode();
        if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            p.put("type", "array");
            p.set("items", property(pt.getActualTypeArguments()[0], defs));
        } else if (type instanceof ParameterizedType pt && pt.getRawType() == Map.class && pt.getActualTypeArguments()[0] == String.class) {
            p.put("type", "object");
            p.set("additionalProperties", property(pt.getActualTypeArguments()[1], defs));
        } else if (type == String.class) {
            p.put("type", "string");
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            p.put("type", "integer");
        } else if (type == double.class || type == Double.class) {
            p.put("type", "number");
        } else if (type == boolean.class || type == Boolean.class) {
            p.put("type", "boolean");
        } else if (type == Instant.class) {
            p.put("type", "string").put("format", "date-time");
        } else if (type instanceof Class<?> c && c.isRecord()) {
            if (!defs.has(c.getSimpleName())) {
                ObjectNode def = defs.putObject(c.getSimpleName());
                object(c, def, defs);
            }
            p.put("$ref", "#/$defs/" + c.getSimpleName());
        } else {
            throw new IllegalStateException("no JSON type for " + type);
        }
        return p;
    }
}
