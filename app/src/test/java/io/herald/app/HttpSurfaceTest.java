package io.herald.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.support.HttpEndpoint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The HTTP surface is declared once; the OpenAPI document is made from the declaration, and says exactly what it declares. */
class HttpSurfaceTest {

    private static Set<String> documented(JsonNode openapi) {
        Set<String> ops = new TreeSet<>();
        openapi.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> ops.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        return ops;
    }

    @Test
    void the_openapi_document_has_every_declared_endpoint_and_nothing_else() {
        List<HttpEndpoint> all = AppHttp.surface(Stage.all());
        Set<String> declared = new TreeSet<>();
        all.forEach(e -> assertTrue(declared.add(e.key()), "declared once: " + e.key()));
        assertEquals(declared, documented(OpenApi.document("http://localhost:8080")));
    }

    @Test
    void one_stage_documents_what_it_serves_and_what_every_process_serves() {
        Set<String> ingest = documented(OpenApi.document("http://localhost:8080", AppHttp.surface(EnumSet.of(Stage.INGEST))));
        assertTrue(ingest.contains("POST /api/posts") && ingest.contains("GET /health"), ingest.toString());
        assertFalse(ingest.contains("GET /feeds/all.{format}"), "ingest serves no feeds");
        Set<String> transform = documented(OpenApi.document("http://localhost:8080", AppHttp.surface(EnumSet.of(Stage.TRANSFORM))));
        assertEquals(Set.of("GET /health", "GET /metrics", "GET /openapi.json"), transform);
    }

    @Test
    void the_preview_header_documents_the_states_the_code_answers() {
        JsonNode header = OpenApi.document("http://localhost:8080").at("/paths/~1api~1posts~1{id}~1newsletter/get/responses/200/headers/X-Herald-Preview");
        assertEquals("not-sent, skipped, pending, sent or failed", header.path("description").asText());
        assertFalse(OpenApi.document("http://localhost:8080").toString().contains("would-send"));
    }

    @Test
    void what_needs_the_token_says_so_and_every_write_names_the_gates_answers() {
        for (HttpEndpoint e : AppHttp.surface(Stage.all())) {
            JsonNode op = OpenApi.document("http://localhost:8080").get("paths").get(e.path()).get(e.method().toLowerCase(Locale.ROOT));
            assertEquals(e.needsToken() ? 2 : 0, op.get("security").size(), e.key());
            assertTrue(op.get("responses").has("421"), e.key());
            assertEquals(!e.method().equals("GET"), op.get("responses").has("403"), e.key());
            if (e.method().equals("POST") || e.method().equals("DELETE")) {
                assertTrue(e.needsToken() != e.signed(), e.key() + " writes, so it needs the token or its sender's signature");
            }
        }
    }

    @Test
    void a_page_calls_only_declared_endpoints_and_the_dashboard_names_ingests() {
        Set<String> declared = new TreeSet<>();
        AppHttp.surface(Stage.all()).forEach(e -> declared.add(e.key()));
        List<String> unknown = new ArrayList<>();
        AppHttp.surface(Stage.all()).forEach(e -> e.calls().stream().filter(c -> !declared.contains(c)).forEach(unknown::add));
        assertEquals(List.of(), unknown);
        assertTrue(AppHttp.DASHBOARD.calls().contains("POST /api/posts"), "the dashboard publishes through ingest");
    }

    @Test
    void the_dashboard_served_by_publish_alone_has_every_call_it_makes_answered_there() {
        Set<String> publishOnly = new TreeSet<>();
        AppHttp.surface(EnumSet.of(Stage.PUBLISH)).forEach(e -> publishOnly.add(e.key()));
        List<String> missing = AppHttp.DASHBOARD.calls().stream().filter(c -> !publishOnly.contains(c)).toList();
        assertEquals(List.of(), missing, "a publish process without ingest forwards ingest's calls, it does not answer 405");
        Set<String> ingestOnly = new TreeSet<>();
        AppHttp.surface(EnumSet.of(Stage.INGEST)).forEach(e -> ingestOnly.add(e.key()));
        assertTrue(ingestOnly.contains(AppHttp.PREVIEW.key()), "ingest checks drafts for a dashboard in another process");
    }

    @Test
    void a_route_consumes_the_uri_its_declaration_makes() {
        assertEquals("platform-http:/api/posts?httpMethodRestrict=POST", io.herald.ingest.routes.IngestHttp.PUBLISH.uri());
        assertEquals("platform-http:/metrics?httpMethodRestrict=GET", AppHttp.METRICS.uri());
        assertEquals("platform-http:/posts/{id}?httpMethodRestrict=GET,HEAD&headerFilterStrategy=#heraldCacheFriendlyHeaders",
                io.herald.publish.PublishHttp.PAGE.uri());
    }
}
