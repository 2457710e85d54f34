package io.herald.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schema (2020-12) of every event Herald writes, made from the event records themselves so the
 * schema cannot drift from the code: each record component is a property of its JSON type, nested
 * records are {@code $defs}, and the fields every event always carries are required. Values Herald
 * leaves out when empty (it writes no {@code null}) are optional.
 */
public final class EventSchemas {

    /** The events, by the name their schema is published under ({@code /schemas/{name}.json}). */
    public static final Map<String, Class<? extends Record>> EVENTS = Map.of(
            "RawPost", RawPost.class,
            "EnrichedPost", EnrichedPost.class,
            "NewsletterPayload", NewsletterPayload.class,
            "SocialSnippet", SocialSnippet.class,
            "Delivery", Delivery.class,
            "Rejection", Rejection.class);

    /** Fields present in every value of an event (beyond primitives, which are always written). */
    private static final Map<Class<?>, Set<String>> REQUIRED = Map.of(
            RawPost.class, Set.of("id", "source", "contentType", "body", "receivedAt", "contentHash", "title", "tags", "qa", "links", "images"),
            EnrichedPost.class, Set.of("id", "title", "published", "updated", "language", "qa", "links", "images", "tags", "provenance",
                    "contentHash", "entities"),
            NewsletterPayload.class, Set.of("idempotencyKey", "kind", "subject", "html", "text", "tags"),
            SocialSnippet.class, Set.of("idempotencyKey", "postId", "platform", "text"),
            Delivery.class, Set.of("idempotencyKey", "target", "state", "at"),
            Rejection.class, Set.of("stage", "reason", "source", "rejectedAt"),
            QaPair.class, Set.of("question"),
            EnrichedQa.class, Set.of("id", "question"),
            Entity.class, Set.of("name", "type"),
            Provenance.class, Set.of("step", "version"));

    private EventSchemas() {
    }

    public static ObjectNode schema(String name) {
        Class<? extends Record> type = EVENTS.get(name);
        if (type == null) {
            throw new IllegalArgumentException("no event " + name + "; there are " + EVENTS.keySet());
        }
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "urn:herald:schema:" + name + ":" + Schema.VERSION);
        root.put("title", name);
        root.put("description", "Herald's " + name + " event, schema version " + Schema.VERSION
                + ". Readers ignore properties they do not know; a value with a higher schema version is refused.");
        ObjectNode defs = Json.mapper().createObjectNode();
        object(type, root, defs);
        ((ObjectNode) root.get("properties")).putObject("schema").put("type", "integer").put("minimum", 1)
                .put("description", "The event schema version; " + Schema.VERSION + " for this schema.");
        if (!defs.isEmpty()) {
            root.set("$defs", defs);
        }
        return root;
    }

    private static void object(Class<?> type, ObjectNode into, ObjectNode defs) {
        into.put("type", "object");
        ObjectNode properties = into.putObject("properties");
        ArrayNode required = into.putArray("required");
        for (RecordComponent c : type.getRecordComponents()) {
            properties.set(c.getName(), property(c.getGenericType(), defs));
            if (c.getType().isPrimitive() || REQUIRED.getOrDefault(type, Set.of()).contains(c.getName())) {
                required.add(c.getName());
            }
        }
    }

    private static ObjectNode property(Type type, ObjectNode defs) {
        ObjectNode p = Json.mapper().createObjectNode();
        if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            p.put("type", "array");
            p.set("items", property(pt.getActualTypeArguments()[0], defs));
        } else if (type == String.class) {
            p.put("type", "string");
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            p.put("type", "integer");
        } else if (type == double.class || type == Double.class) {
            p.put("type", "number");
        } else if (type == boolean.class || type == Boolean.class) {
            p.put("type", "boolean");
        } else if (type == Instant.class) {
            p.put("type", "string").put("format", "date-time");
        } else if (type instanceof Class<?> c && c.isRecord()) {
            if (!defs.has(c.getSimpleName())) {
                ObjectNode def = defs.putObject(c.getSimpleName());
                object(c, def, defs);
            }
            p.put("$ref", "#/$defs/" + c.getSimpleName());
        } else {
            throw new IllegalStateException("no JSON type for " + type);
        }
        return p;
    }
}
