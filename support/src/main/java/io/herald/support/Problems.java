package io.herald.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.Json;
import org.apache.camel.Exchange;

/** RFC 9457 problem details, the one error shape of Herald's HTTP API, written in one place. */
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

    /** Makes the exchange's message the problem response: status, content type and body, no other header. */
    public static void respond(Exchange exchange, int status, String title, String detail) {
        HttpAnswers.answer(exchange, status, CONTENT_TYPE, json(status, title, detail));
    }
}
