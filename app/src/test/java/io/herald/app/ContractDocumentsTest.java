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
}
