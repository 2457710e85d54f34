package io.herald.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecificationVersion;
import io.herald.events.EventSchemas;
import io.herald.events.Topics;
import io.herald.publish.api.ContractsRoute;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Herald's OpenAPI and AsyncAPI documents are what their specifications allow: checked by
 * swagger-parser, and against each specification's published JSON Schema with networknt's validator
 * (where tools/schemas is installed; bin/test installs it).
 */
class ContractDocumentsTest {

    static final JsonNode OPENAPI = OpenApi.document("http://localhost:8080");
    static final JsonNode ASYNCAPI = ContractsRoute.asyncApi("http://localhost:8080", 3);

    @Test
    void the_openapi_document_is_read_by_swagger_parser_without_a_message() {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        var result = new OpenAPIV3Parser().readContents(OPENAPI.toString(), null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), String.valueOf(result.getMessages()));
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
        assertTrue(result.getOpenAPI().getPaths().containsKey("/api/posts"));
    }

    @Test
    void the_openapi_document_validates_against_the_published_openapi_3_1_schema() throws Exception {
        Path tools = ContractDocuments.packages().orElse(null);
        Assumptions.assumeTrue(tools != null, ContractDocuments.MISSING);
        List<String> errors = ContractDocuments.validate(tools.resolve(ContractDocuments.OPENAPI_3_1), OPENAPI, SpecificationVersion.DRAFT_2020_12);
        assertEquals(List.of(), errors);
    }

    @Test
    void the_asyncapi_document_validates_against_the_published_asyncapi_3_0_schema() throws Exception {
        Path tools = ContractDocuments.packages().orElse(null);
        Assumptions.assumeTrue(tools != null, ContractDocuments.MISSING);
        List<String> errors = ContractDocuments.validate(tools.resolve(ContractDocuments.ASYNCAPI_3_0), ASYNCAPI, SpecificationVersion.DRAFT_7);
        assertEquals(List.of(), errors);
    }

    @Test
    void a_broken_document_is_refused_by_the_published_schemas() throws Exception {
        Path tools = ContractDocuments.packages().orElse(null);
        Assumptions.assumeTrue(tools != null, ContractDocuments.MISSING);
        var brokenOpenApi = OPENAPI.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) brokenOpenApi.get("paths").get("/health").get("get")).remove("responses");
        ((com.fasterxml.jackson.databind.node.ObjectNode) brokenOpenApi.get("info")).remove("title");
        assertFalse(ContractDocuments.validate(tools.resolve(ContractDocuments.OPENAPI_3_1), brokenOpenApi, SpecificationVersion.DRAFT_2020_12).isEmpty());
        var brokenAsyncApi = ASYNCAPI.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) brokenAsyncApi.get("operations").elements().next()).put("action", "publish");
        assertFalse(ContractDocuments.validate(tools.resolve(ContractDocuments.ASYNCAPI_3_0), brokenAsyncApi, SpecificationVersion.DRAFT_7).isEmpty());
    }

    @Test
    void every_topic_is_a_channel_whose_message_is_its_events_published_schema() {
        for (var topic : Topics.all()) {
            JsonNode channel = ASYNCAPI.get("channels").get(topic.name().replace('.', '-'));
            assertEquals(topic.name(), channel.get("address").asText());
            String event = topic.valueType().getSimpleName();
            assertTrue(EventSchemas.EVENTS.containsKey(event), event);
            assertEquals("http://localhost:8080/schemas/" + event + ".json",
                    ASYNCAPI.get("components").get("messages").get(event).get("payload").get("$ref").asText());
        }
    }

    /** Issue 23, item 7: what Redocly's and Spectral's recommended rules ask of every operation and of the document. */
    @Test
    void every_operation_says_its_security_has_a_tag_and_a_4xx_answer_and_no_path_ends_with_a_slash() {
        java.util.Set<String> declared = new java.util.HashSet<>();
        OPENAPI.get("tags").forEach(t -> declared.add(t.get("name").asText()));
        List<String> problems = new java.util.ArrayList<>();
        OPENAPI.get("paths").fields().forEachRemaining(path -> {
            if (path.getKey().length() > 1 && path.getKey().endsWith("/")) {
                problems.add(path.getKey() + ": a trailing slash");
            }
            path.getValue().fields().forEachRemaining(m -> {
                JsonNode op = m.getValue();
                String where = m.getKey().toUpperCase() + " " + path.getKey();
                if (!op.has("security") || !op.get("security").isArray()) {
                    problems.add(where + ": no security (a public one says security: [])");
                }
                if (!op.has("tags") || op.get("tags").isEmpty() || !declared.contains(op.get("tags").get(0).asText())) {
                    problems.add(where + ": no declared tag");
                }
                boolean has4xx = false;
                for (var it = op.get("responses").fieldNames(); it.hasNext(); ) {
                    has4xx |= it.next().startsWith("4");
                }
                if (!has4xx) {
                    problems.add(where + ": no 4XX answer");
                }
            });
        });
        assertEquals(List.of(), problems);
        assertTrue(OPENAPI.get("info").has("license") && OPENAPI.get("info").get("license").has("identifier"));
        assertTrue(OPENAPI.get("info").has("contact"));
        assertEquals("/", OPENAPI.get("servers").get(0).get("url").asText(), "relative: the Herald serving it, never localhost");
        JsonNode write = OPENAPI.get("paths").get("/api/posts").get("post").get("security");
        assertTrue(write.size() >= 1 && write.get(0).has("bearer"), "writes name the token");
        assertEquals(0, OPENAPI.get("paths").get("/feeds/all.{format}").get("get").get("security").size(), "feeds are public: security []");
    }

    /** Issue 23, item 6: the Nu Html Checker refuses an a element without href. */
    @Test
    void every_link_on_the_dashboard_page_has_an_href() throws Exception {
        try (var in = OpenApi.class.getResourceAsStream("/dashboard/index.html")) {
            var page = org.jsoup.Jsoup.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(List.of(), page.select("a:not([href])").eachAttr("id"));
            assertTrue(page.select("a").size() > 3);
        }
    }
}
