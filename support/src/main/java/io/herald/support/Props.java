package io.herald.support;

import io.herald.events.EnrichedPost;
import io.herald.events.Event;

/** Every exchange property Herald's routes set or read, in one place, each with its type. */
public final class Props {

    /** The bytes as they arrived (a request body, a file, a fetched feed, a consumed record), for the DLQ record. */
    public static final Prop<byte[]> ORIGINAL = new Prop<>("heraldOriginal", byte[].class);
    /** Where an input came from, as a DLQ record names it: {@code http}, {@code inbox:<file>}, {@code feed:<url>}. */
    public static final Prop<String> SOURCE = new Prop<>("heraldSource", String.class);
    /** The id of the post the exchange carries. */
    public static final Prop<String> POST_ID = new Prop<>("heraldId", String.class);
    /** The content hash of the post the exchange carries. */
    public static final Prop<String> CONTENT_HASH = new Prop<>("heraldHash", String.class);
    /** The post repeats content already accepted: nothing to write. */
    public static final Prop<Boolean> UNCHANGED = new Prop<>("heraldUnchanged", Boolean.class);
    /** A CMS notification of a post that is not published (draft, scheduled, private). */
    public static final Prop<Boolean> IGNORED = new Prop<>("heraldIgnored", Boolean.class);
    /** Why a CMS notification is left alone although it is about a public post (it is older than what Herald holds). */
    public static final Prop<String> STALE = new Prop<>("heraldStale", String.class);
    /** A refused input that is kept in the DLQ (a wrong token is refused and not kept). */
    public static final Prop<Boolean> KEEP_REJECTED = new Prop<>("heraldRejected", Boolean.class);
    /** The upstream feed being polled. */
    public static final Prop<String> FEED_URL = new Prop<>("heraldFeedUrl", String.class);
    /** The watched folder and the name of the file being ingested from it. */
    public static final Prop<String> INBOX_DIR = new Prop<>("heraldInboxDir", String.class);
    public static final Prop<String> FILE_NAME = new Prop<>("heraldFileName", String.class);
    /** Where the inbox file goes once handled: {@code .done} or {@code .failed}. */
    public static final Prop<String> INBOX_TARGET = new Prop<>("heraldInboxTarget", String.class);
    /** The version transform made, remembered once the broker has it. */
    public static final Prop<EnrichedPost> ENRICHED = new Prop<>("heraldEnriched", EnrichedPost.class);
    /** The id of a post whose tombstone the exchange carries (a deletion). */
    public static final Prop<String> DELETED = new Prop<>("heraldDeleted", String.class);
    /** The outgoing payload (newsletter or snippet) being sent, recorded in the outbox once sent. */
    public static final Prop<Event> PAYLOAD = new Prop<>("heraldPayload", Event.class);

    private Props() {
    }
}
