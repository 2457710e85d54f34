package io.herald.ingest;

/**
 * Input that ingest refuses, with the HTTP status it maps to and a reason a person understands.
 * Thrown by the plain classes; the routes turn it into a problem response, an {@code .error.txt}
 * file and a DLQ record.
 */
public final class RejectedPost extends RuntimeException {

    private final int status;
    private final String title;

    public RejectedPost(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    public static RejectedPost badRequest(String detail) {
        return new RejectedPost(400, "Unreadable post", detail);
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
