package io.herald.support;

/**
 * One size budget from intake to every topic, derived from {@code max-post-bytes}. What a post becomes on
 * its way (the raw record with its parsed structure, the enriched record with sanitized HTML, a
 * newsletter payload) can be several times the post: every topic takes records up to four times the
 * largest post plus a mebibyte, and the DLQ twice that, so any record a stage consumed fits there with
 * its reason. A record still larger (a post whose derived content explodes) is refused by the producer
 * or the broker ({@code RecordTooLargeException}, never retried) and goes to the DLQ while its partition
 * moves on; a post whose own raw record would not fit is refused at intake with 413.
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
        return value == null || value.length <= recordBytes() - 64 * 1024;
    }
}
