package io.herald.ingest.routes;

import io.herald.support.Prop;

/** The exchange properties only ingest's routes use (the ones every stage shares are {@code Props}). */
public final class IngestProps {

    private IngestProps() {
    }

    /** The id of the post the exchange carries. */
    public static final Prop<String> POST_ID = new Prop<>("heraldId", String.class);
    /** The content hash of the post the exchange carries. */
    public static final Prop<String> CONTENT_HASH = new Prop<>("heraldHash", String.class);
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
}
