package io.herald.app;

import io.herald.support.HttpAnswers;
import org.apache.camel.builder.RouteBuilder;
import io.herald.support.HttpEndpoint;
import java.util.List;

/** {@code GET /openapi.json}: the OpenAPI 3.1 description of the HTTP API ({@link OpenApi}). */
final class OpenApiRoute extends RouteBuilder {

    private final String document;

    OpenApiRoute(String baseUrl, List<HttpEndpoint> surface) {
        this.document = OpenApi.document(baseUrl, surface).toPrettyString();
    }

    @Override
    public void configure() {
        from(AppHttp.OPENAPI.uri()).routeId(AppHttp.OPENAPI.routeId())
                .process(e -> HttpAnswers.json(e, 200, document));
    }
}
