package io.herald.support;

import io.herald.events.EnrichedPost;

/** The exchange properties more than one stage sets or reads, each with its type; a stage's own are beside its routes ({@code IngestProps}). */
public final class Props {

    /** The bytes as they arrived (a request body, a file, a fetched feed, a consumed record), for the DLQ record. */
    public static final Prop<byte[]> ORIGINAL = new Prop<>("heraldOriginal", byte[].class);
    /** Where an input came from, as a DLQ record names it: {@code http}, {@code inbox:<file>}, {@code feed:<url>}. */
    public static final Prop<String> SOURCE = new Prop<>("heraldSource", String.class);
    /** The post repeats content already accepted: nothing to write. */
    public static final Prop<Boolean> UNCHANGED = new Prop<>("heraldUnchanged", Boolean.class);
    /** The version transform made, remembered once the broker has it. */
    public static final Prop<EnrichedPost> ENRICHED = new Prop<>("heraldEnriched", EnrichedPost.class);
    /** The id of a post whose tombstone the exchange carries (a deletion). */
    public static final Prop<String> DELETED = new Prop<>("heraldDeleted", String.class);

    private Props() {
    }
}
