package io.herald.support;

import io.herald.events.Json;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * How an HTTP route answers, written once: the message becomes the answer (status, content type,
 * body) and no header it carried in leaks out.
 */
public final class HttpAnswers {

    private HttpAnswers() {
    }

    /** The answer: status, content type and body, no other header. */
    public static void answer(Exchange exchange, int status, String contentType, Object body) {
        start(exchange, status, contentType).setBody(body);
    }

    /** Begins an answer (no header that came in, this status and content type); the caller adds its own headers and the body. */
    public static Message start(Exchange exchange, int status, String contentType) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        return message;
    }

    /** A JSON answer: a string is sent as it is, anything else written as JSON. */
    public static void json(Exchange exchange, int status, Object body) {
        answer(exchange, status, "application/json", body instanceof String s ? s : Json.write(body));
    }
}
