package io.herald.events;

/** What every event on a Herald topic has: the schema version it was written with. */
public interface Event {
    int schema();
}
