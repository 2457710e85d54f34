package io.herald.events;

/** The schema version every event carries in its {@code schema} field. Bump it on an incompatible change. */
public final class Schema {
    /** The version this build writes. Readers accept this version and older ones. */
    public static final int VERSION = 1;

    private Schema() {
    }
}
