package io.herald.ingest;

/**
 * Input that ingest refuses, with the HTTP status it maps to and a reason a person understands.
 * Thrown by the plain classes; the routes turn it into a problem response, an {@code .error.txt}
 * file and a DLQ record.
 */
public final class RejectedPost extends RuntimeException {

    private final int status;
    private final String title;
    private final boolean defect;

    public RejectedPost(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    private RejectedPost(int status, String title, String detail, Throwable defect) {
        super(detail, defect, false, defect != null);
        this.status = status;
        this.title = title;
        this.defect = defect != null;
    }

    public static RejectedPost badRequest(String detail) {
        return new RejectedPost(400, "Unreadable post", detail);
    }

    /**
     * A parser failed in a way it never should (an unexpected exception, a stack overflow): a defect
     * in Herald, not a refusal of bad input. The sender still gets a 400 and the post is kept in the
     * DLQ, but the reason says so, and the cause (with its stack trace) is kept for the log.
     */
    public static RejectedPost parserDefect(String what, Throwable cause) {
        return new RejectedPost(400, "Post could not be read",
                "Parser defect: Herald's " + what + " parser failed on this post (" + cause.getClass().getSimpleName()
                        + "). This is a fault in Herald, not necessarily in the post; it has been logged, and the post is "
                        + "kept in the dead-letter queue so it can be ingested again once the fault is fixed.", cause);
    }

    /** True when this is a parser defect ({@link #parserDefect}), not a refusal of the input. */
    public boolean defect() {
        return defect;
    }

    /** The HTTP status: 400, 401, 413 or 415. */
    public int status() {
        return status;
    }

    /** A short, fixed summary of the problem type (RFC 9457 {@code title}). */
    public String title() {
        return title;
    }

    /** The specific explanation (RFC 9457 {@code detail}). */
    public String detail() {
        return getMessage();
    }
}
