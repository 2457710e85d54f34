/**
 * The contracts between Herald's stages: one record per event, the {@link io.herald.events.Topics}
 * registry that pairs every topic with its event type, and the shared {@link io.herald.events.Json}
 * mapper. Stages share nothing else.
 */
package io.herald.events;
