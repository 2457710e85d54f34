package io.herald.support;

import io.herald.events.UnusableRecord;
import java.nio.charset.StandardCharsets;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/**
 * One size budget from intake to every topic, derived from {@code max-post-bytes}. What a post becomes on
 * its way (the raw record with its parsed structure, the enriched record with sanitized HTML, a
 * newsletter payload) can be several times the post: every topic takes records up to four times the
 * largest post plus a mebibyte, and the DLQ twice that, so any record a stage consumed fits there with
 * its reason. A record still larger (a post whose derived content explodes) is checked before it is
 * written ({@link #check}): it is unusable, goes to the DLQ with the reason, and its partition moves on;
 * a post whose own raw record would not fit is refused at intake with 413.
 *
 * @param maxPostBytes the largest post accepted
 */
public record RecordBudget(long maxPostBytes) {

    private static final int MIB = 1024 * 1024;

    /** Larger posts would make records that strain any broker (its socket.request.max.bytes is 100 MiB). */
    public static final long MAX_POST_BYTES = 16L * MIB;

    public static RecordBudget forPosts(long maxPostBytes) {
        return new RecordBudget(Math.min(maxPostBytes, MAX_POST_BYTES));
    }

    /** The largest record on a post topic ({@code max.message.bytes} of raw, enriched, newsletter, social, deliveries). */
    public int recordBytes() {
        return (int) (maxPostBytes * 4 + MIB);
    }

    /** The largest record on the DLQ: any consumed record fits there with its reason and origin. */
    public int deadLetterBytes() {
        return 2 * recordBytes() + MIB;
    }

    /** The producers' {@code max.request.size}: the largest record any topic takes, plus headers and batch framing. */
    public int producerRequestBytes() {
        return deadLetterBytes() + 64 * 1024;
    }

    /** The producers' {@code buffer.memory}: room for a few records of the largest size at once. */
    public long producerBufferBytes() {
        return Math.max(32L * MIB, 3L * producerRequestBytes());
    }

    /** Whether a record's value fits a post topic. */
    public boolean fits(byte[] value) {
        return value == null || value.length <= valueBytes();
    }

    /** The largest value Herald writes to a post topic (the record's limit, less room for its key and headers). */
    public int valueBytes() {
        return recordBytes() - 64 * 1024;
    }

    /** The name the running Herald's budget is bound under in the Camel registry. */
    public static final String BEAN = "heraldRecordBudget";

    /** The budget of the Camel context a route runs in; the default one where none is bound (tests of a route alone). */
    public static RecordBudget of(CamelContext camel) {
        RecordBudget bound = camel.getRegistry().lookupByNameAndType(BEAN, RecordBudget.class);
        return bound != null ? bound : forPosts(5L * 1024 * 1024);
    }

    /**
     * Refuses the record in an exchange's message (a {@code String} or bytes, about to be written to
     * {@code topic}) when it is larger than any topic takes: it could never be written, and retrying it
     * would stall its partition for ever. The refusal is an {@link io.herald.events.UnusableRecord}, so the
     * stage's error policy puts it in the DLQ with this reason and moves on. (A refusal by the broker
     * of a record within the budget is not this: the topic was set below it, and the write is retried.)
     */
    public static void check(Exchange exchange, String topic) {
        RecordBudget budget = of(exchange.getContext());
        Object body = exchange.getMessage().getBody();
        long size = body instanceof byte[] b ? b.length
                : body instanceof String s ? (s.length() > budget.valueBytes() / 3 ? s.getBytes(StandardCharsets.UTF_8).length : s.length())
                : 0;
        if (size > budget.valueBytes()) {
            throw new UnusableRecord("what this record became for " + topic + " (" + size + " bytes) is larger than "
                    + "Herald's topics take (" + budget.valueBytes() + " bytes, set by max-post-bytes " + budget.maxPostBytes()
                    + "), so it can never be written; shorten the post or raise max-post-bytes", null);
        }
    }
}
