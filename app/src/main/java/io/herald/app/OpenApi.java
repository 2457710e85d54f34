package io.herald.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.Json;
import io.herald.events.Schema;
import io.herald.support.HttpEndpoint;
import java.util.List;
import java.util.Locale;

/**
 * The OpenAPI 3.1 description of Herald's HTTP API, served at {@code /openapi.json}, made from the
 * declared endpoints ({@link AppHttp}, {@code IngestHttp}, {@code PublishHttp}): what each says of
 * itself, and what every operation has in common (the gate's answers, a tag, its security). {@code
 * ContractsIT} checks that the routes Herald runs are exactly the declared ones, and the document
 * against OpenAPI's published JSON Schema.
 */
public final class OpenApi {

    private static final String PROBLEM = "#/components/responses/Problem";

    private OpenApi() {
    }

    /** The document of every endpoint Herald has (all stages in one process). */
    public static ObjectNode document(String baseUrl) {
        return document(baseUrl, AppHttp.surface(Stage.all()));
    }

    /** The document of these endpoints: what one process answers ({@link AppHttp#surface}). */
    public static ObjectNode document(String baseUrl, List<HttpEndpoint> endpoints) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Herald HTTP API");
        info.put("version", String.valueOf(Schema.VERSION));
        info.put("description", "Posts in (API, CMS webhooks), feeds, pages and previews out, and Herald's own health, metrics "
                + "and contracts. Errors are RFC 9457 problem details (application/problem+json).");
        info.putObject("contact").put("name", "The operators of this Herald").put("url", baseUrl.replaceAll("/+$", "") + "/");
        info.putObject("license").put("name", "Apache License 2.0").put("identifier", "Apache-2.0");
        // Relative: the Herald that serves this document (base-url names it; linters warn on a localhost URL).
        doc.putArray("servers").addObject().put("url", "/").put("description", "This Herald (" + baseUrl + ")");
        ArrayNode tags = doc.putArray("tags");
        for (String[] tag : TAGS) {
            tags.addObject().put("name", tag[0]).put("description", tag[1]);
        }
        ObjectNode paths = doc.putObject("paths");
        for (HttpEndpoint e : endpoints) {
            ObjectNode item = paths.has(e.path()) ? (ObjectNode) paths.get(e.path()) : paths.putObject(e.path());
            ObjectNode operation = e.operation();
            ObjectNode responses = (ObjectNode) operation.get("responses");
            // What the gate in front of every endpoint answers (HttpGate): a Host Herald does not answer for,
            // and for writes a page on another site and a request that did not arrive in time.
            responses.putObject("421").put("$ref", PROBLEM);
            if (!e.method().equals("GET")) {
                responses.putObject("403").put("$ref", PROBLEM);
                responses.putObject("408").put("$ref", PROBLEM);
            }
            // Herald's own schemas by their full URL, so that a linter reading this document can fetch them.
            responses.findParents("$ref").forEach(r -> {
                if (r.get("$ref").asText().startsWith("/")) {
                    ((ObjectNode) r).put("$ref", baseUrl.replaceAll("/+$", "") + r.get("$ref").asText());
                }
            });
            operation.putArray("tags").add(e.tag());
            item.set(e.method().toLowerCase(Locale.ROOT), operation);
        }
        components(doc.putObject("components"));
        return doc;
    }

    private static final String[][] TAGS = {
        {"Posts", "Publish, read, preview and delete posts; their newsletters and snippets"},
        {"CMS", "Notifications from a CMS (WordPress, Ghost, Contentful, Strapi)"},
        {"Feeds", "RSS 2.0, Atom 1.0 and JSON Feed 1.1, with archives (RFC 5005)"},
        {"Pages", "What readers and link previews see"},
        {"Fediverse", "The site as an ActivityPub actor: WebFinger, NodeInfo, the actor, its posts and its signed inbox (activitypub=true)"},
        {"Operations", "Health, metrics, pipeline status and refused inputs"},
        {"Dashboard", "The dashboard's page and files"},
        {"Contracts", "The documents that describe Herald's HTTP API and events"},
    };

    private static void components(ObjectNode components) {
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode problem = schemas.putObject("Problem");
        problem.put("type", "object").put("description", "RFC 9457 problem details");
        ObjectNode pp = problem.putObject("properties");
        pp.putObject("type").put("type", "string");
        pp.putObject("title").put("type", "string");
        pp.putObject("status").put("type", "integer");
        pp.putObject("detail").put("type", "string");
        problem.putArray("required").add("title").add("status");
        ObjectNode accepted = schemas.putObject("Accepted");
        accepted.put("type", "object");
        ObjectNode ap = accepted.putObject("properties");
        ap.putObject("id").put("type", "string");
        ap.putObject("status").put("type", "string").putArray("enum").add("accepted").add("unchanged").add("deleted").add("ignored").add("resent");
        accepted.putArray("required").add("status");
        ObjectNode postList = schemas.putObject("PostList");
        postList.put("type", "object");
        ObjectNode lp = postList.putObject("properties");
        lp.putObject("total").put("type", "integer");
        lp.putObject("offset").put("type", "integer");
        lp.putObject("limit").put("type", "integer");
        lp.putObject("posts").put("type", "array").putObject("items").put("type", "object");
        ObjectNode facets = lp.putObject("facets").put("type", "object")
                .put("description", "Each language and kind of source among all posts, with how many posts");
        facets.putObject("additionalProperties").put("type", "object").putObject("additionalProperties").put("type", "integer");
        ObjectNode health = schemas.putObject("Health");
        health.put("type", "object");
        ObjectNode hp = health.putObject("properties");
        hp.putObject("status").put("type", "string").putArray("enum").add("UP").add("DOWN");
        hp.putObject("checks").put("type", "object").putObject("additionalProperties").put("type", "string");
        schemas.putObject("Object").put("type", "object");
        ObjectNode responses = components.putObject("responses");
        ObjectNode p = responses.putObject("Problem").put("description", "A problem (RFC 9457)");
        p.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "The api-token setting; needed only when it is set.");
    }
}
