package io.herald.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.Json;

/** RFC 9457 problem details, the one error shape of Herald's HTTP API. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    public static String json(int status, String title, String detail) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("type", "about:blank");
        node.put("title", title);
        node.put("status", status);
        node.put("detail", detail);
        return node.toString();
    }

    public static String json(RejectedPost rejected) {
        return json(rejected.status(), rejected.title(), rejected.detail());
    }
}
