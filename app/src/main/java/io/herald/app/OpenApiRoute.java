package io.herald.app;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** {@code GET /openapi.json}: the OpenAPI 3.1 description of the HTTP API ({@link OpenApi}). */
final class OpenApiRoute extends RouteBuilder {

    private final String document;

    OpenApiRoute(String baseUrl) {
        this.document = OpenApi.document(baseUrl).toPrettyString();
    }

    @Override
    public void configure() {
        from("platform-http:/openapi.json?httpMethodRestrict=GET,HEAD").routeId("openapi")
                .process(e -> {
                    var m = e.getMessage();
                    m.removeHeaders("*");
                    m.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                    m.setHeader(Exchange.CONTENT_TYPE, "application/json");
                    m.setBody(document);
                });
    }
}
