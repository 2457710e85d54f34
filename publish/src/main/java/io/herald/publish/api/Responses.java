package io.herald.publish.api;

import io.herald.support.HttpAnswers;
import io.herald.support.Problems;
import org.apache.camel.Exchange;

/** The read API's answers: JSON with a status, or the problem+json every HTTP route writes. */
final class Responses {

    private Responses() {
    }

    static void json(Exchange exchange, int status, String body) {
        HttpAnswers.json(exchange, status, body);
    }

    static void noSuchPost(Exchange exchange, String id) {
        Problems.respond(exchange, 404, "Not found", "There is no post with id \"" + id + "\".");
    }
}
