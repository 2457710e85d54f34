package io.herald.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.Json;
import io.herald.events.Schema;
import java.util.List;

/**
 * The OpenAPI 3.1 description of Herald's HTTP API, served at {@code /openapi.json}. {@code
 * ContractsIT} checks it against the routes Herald runs (every route documented, every documented
 * operation answered) and against OpenAPI's published JSON Schema; a change to the HTTP API that is
 * not made here fails that test.
 */
public final class OpenApi {

    private static final String PROBLEM = "#/components/responses/Problem";

    private OpenApi() {
    }

    public static ObjectNode document(String baseUrl) {
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

        ObjectNode post = op(paths, "/api/posts", "post", "Publish a post",
                "The post in the body, in any supported format; its id is its JSON id, its canonical URL or a slug of its title, "
                        + "or the id query parameter. Answered only after Kafka has the record.");
        param(post, "id", "query", false, "Keep this id whatever the title (a later post with it is the next version)");
        body(post, true, "text/plain", "text/markdown", "text/html", "application/json");
        bearer(post);
        respond(post, "202", "Accepted (or unchanged: that id already has that content)", "#/components/schemas/Accepted");
        problems(post, "400", "401", "413", "415", "503");
        ObjectNode list = op(paths, "/api/posts", "get", "List posts", "Newest first.");
        param(list, "limit", "query", false, "How many (default 20)").put("type", "integer");
        param(list, "offset", "query", false, "How many to skip").put("type", "integer");
        respond(list, "200", "A page of posts", "#/components/schemas/PostList");

        ObjectNode one = op(paths, "/api/posts/{id}", "get", "One post", "The latest enriched version.");
        pathParam(one, "id");
        respondRef(one, "200", "The post", baseUrl + "/schemas/EnrichedPost.json");
        problems(one, "404");
        ObjectNode delete = op(paths, "/api/posts/{id}", "delete", "Delete a post",
                "Writes its tombstone: it leaves the API and every feed; pending newsletters and snippets within the hold are cancelled.");
        pathParam(delete, "id");
        bearer(delete);
        respond(delete, "202", "Deleted", "#/components/schemas/Accepted");
        problems(delete, "401", "404", "503");

        ObjectNode newsletter = op(paths, "/api/posts/{id}/newsletter", "get", "The post's newsletter",
                "As it went out, or what would go out now; X-Herald-Preview says which (sent, pending, failed, would-send, skipped).");
        pathParam(newsletter, "id");
        bearer(newsletter);
        problems(newsletter, "401");
        content(newsletter.putObject("responses").putObject("200").put("description", "The newsletter (JSON with Accept: application/json)"),
                "text/html", "application/json");
        header(newsletter, "200", "X-Herald-Preview", "sent, pending, failed, would-send or skipped");
        problems(newsletter, "404");
        ObjectNode resend = op(paths, "/api/posts/{id}/newsletter/resend", "post", "Send the newsletter again",
                "Hands the post's latest newsletter to the webhook again with fresh retries.");
        pathParam(resend, "id");
        bearer(resend);
        respond(resend, "202", "Handed to the webhook again", "#/components/schemas/Accepted");
        problems(resend, "401", "404", "409");
        ObjectNode social = op(paths, "/api/posts/{id}/social", "get", "The post's social snippets",
                "Each snippet as it went out, or as it would go out now, with its length as the network counts it.");
        pathParam(social, "id");
        respond(social, "200", "The snippets", "#/components/schemas/Object");
        problems(social, "404");

        ObjectNode preview = op(paths, "/api/posts/preview", "post", "Check a post without publishing it",
                "What Herald would read from it; nothing is written.");
        body(preview, true, "text/plain", "text/markdown", "text/html", "application/json");
        respond(preview, "200", "What Herald read", "#/components/schemas/Object");
        bearer(preview);
        problems(preview, "400", "401", "413", "415");

        ObjectNode cms = op(paths, "/api/webhooks/cms", "post", "A CMS's published-post notification",
                "WordPress, Ghost, Contentful, Strapi or a generic shape; a Ghost webhook signed with ghost-webhook-secret needs no token.");
        body(cms, true, "application/json");
        bearer(cms);
        param(cms, "X-Ghost-Signature", "header", false, "sha256=<HMAC of body and t>, t=<ms>");
        respond(cms, "202", "Accepted, unchanged, deleted or ignored (a draft)", "#/components/schemas/Accepted");
        problems(cms, "400", "401", "413", "415", "503");

        for (String[] feed : List.of(new String[] {"/feeds/all.{format}", "Every post"}, new String[] {"/feeds/qa.{format}", "One entry per question"},
                new String[] {"/feeds/tags/{slug}.{format}", "One tag's posts (a tag's name redirects to its slug)"},
                new String[] {"/feeds/all/archive/{n}.{format}", "RFC 5005 archive page n (1 is the oldest)"},
                new String[] {"/feeds/qa/archive/{n}.{format}", "RFC 5005 archive page n of the questions feed"},
                new String[] {"/feeds/tags/{slug}/archive/{n}.{format}", "RFC 5005 archive page n of a tag's feed"})) {
            feed(paths, feed[0], feed[1]);
        }
        ObjectNode index = op(paths, "/feeds", "get", "Feed index", "Every feed, with autodiscovery links (also at /feeds/, where "
                + "the pages link to it).");
        content(index.putObject("responses").putObject("200").put("description", "HTML"), "text/html");

        ObjectNode page = op(paths, "/posts/{id}", "get", "A post's page", "HTML for readers: Q&A with anchors, Open Graph and "
                + "Twitter Card data, BlogPosting and FAQPage JSON-LD.");
        pathParam(page, "id");
        content(page.putObject("responses").putObject("200").put("description", "HTML"), "text/html");
        problems(page, "404");
        ObjectNode image = op(paths, "/site-image.png", "get", "Herald's own site image",
                "The 1200×630 card link previews show for posts without an image, when no site-image is set.");
        content(image.putObject("responses").putObject("200").put("description", "PNG"), "image/png");

        ObjectNode health = op(paths, "/health", "get", "Health", "UP when the broker answers and every route runs; each stage and route listed.");
        respond(health, "200", "UP", "#/components/schemas/Health");
        respond(health, "503", "DOWN", "#/components/schemas/Health");
        ObjectNode metrics = op(paths, "/metrics", "get", "Metrics", "Prometheus text format.");
        content(metrics.putObject("responses").putObject("200").put("description", "Metrics"), "text/plain");

        ObjectNode dashboard = op(paths, "/", "get", "Dashboard", "The dashboard page.");
        content(dashboard.putObject("responses").putObject("200").put("description", "HTML"), "text/html");
        ObjectNode assets = op(paths, "/dashboard/{file}", "get", "Dashboard script and style", "The dashboard's own files.");
        pathParam(assets, "file");
        content(assets.putObject("responses").putObject("200").put("description", "The file"), "text/css", "text/javascript");
        problems(assets, "404");
        ObjectNode status = op(paths, "/api/status", "get", "Pipeline status", "For the dashboard: checks, records and lag per topic, posts per minute.");
        respond(status, "200", "Status", "#/components/schemas/Object");
        ObjectNode dlq = op(paths, "/api/dlq", "get", "Refused inputs", "The newest records of herald.dlq, newest first.");
        respond(dlq, "200", "Rejections", "#/components/schemas/Object");
        bearer(dlq);
        problems(dlq, "401");
        ObjectNode original = op(paths, "/api/dlq/{offset}/original", "get", "A refused input's bytes", "As a download.");
        pathParam(original, "offset");
        content(original.putObject("responses").putObject("200").put("description", "The bytes"), "application/octet-stream");
        bearer(original);
        problems(original, "401", "404");
        ObjectNode retry = op(paths, "/api/dlq/{offset}/retry", "post", "Send a refused input again", "Through the door it came in by.");
        pathParam(retry, "offset");
        bearer(retry);
        respond(retry, "202", "What ingest answers", "#/components/schemas/Accepted");
        problems(retry, "400", "401", "404", "409", "415");

        ObjectNode schemas = op(paths, "/schemas/{file}", "get", "An event's JSON Schema", "RawPost.json, EnrichedPost.json, NewsletterPayload.json, "
                + "SocialSnippet.json, Delivery.json or Rejection.json (JSON Schema 2020-12).");
        pathParam(schemas, "file");
        content(schemas.putObject("responses").putObject("200").put("description", "The schema"), "application/schema+json");
        problems(schemas, "404");
        ObjectNode asyncapi = op(paths, "/asyncapi.json", "get", "AsyncAPI 3.0 document of Herald's topics", "Channels, messages, Kafka bindings.");
        respond(asyncapi, "200", "The document", "#/components/schemas/Object");
        ObjectNode openapi = op(paths, "/openapi.json", "get", "This document", "OpenAPI 3.1.");
        respond(openapi, "200", "The document", "#/components/schemas/Object");

        // What the gate in front of every endpoint answers (HttpGate): a Host Herald does not answer for,
        // and for writes a page on another site and a request that did not arrive in time.
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            ObjectNode operation = (ObjectNode) m.getValue();
            problems(operation, "421");
            if (!m.getKey().equals("get") && !m.getKey().equals("head")) {
                problems(operation, "403", "408");
            }
        }));
        // Every operation: a tag for its group, and security even where none is needed (security: []),
        // so that what needs the token and what does not is said, never left to a default.
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            ObjectNode operation = (ObjectNode) m.getValue();
            operation.putArray("tags").add(tagOf(path.getKey()));
            if (!operation.has("security")) {
                operation.putArray("security");
            }
        }));
        components(doc.putObject("components"));
        return doc;
    }

    private static final String[][] TAGS = {
        {"Posts", "Publish, read, preview and delete posts; their newsletters and snippets"},
        {"CMS", "Notifications from a CMS (WordPress, Ghost, Contentful, Strapi)"},
        {"Feeds", "RSS 2.0, Atom 1.0 and JSON Feed 1.1, with archives (RFC 5005)"},
        {"Pages", "What readers and link previews see"},
        {"Operations", "Health, metrics, pipeline status and refused inputs"},
        {"Dashboard", "The dashboard's page and files"},
        {"Contracts", "The documents that describe Herald's HTTP API and events"},
    };

    private static String tagOf(String path) {
        if (path.startsWith("/api/webhooks")) {
            return "CMS";
        }
        if (path.startsWith("/api/posts")) {
            return "Posts";
        }
        if (path.startsWith("/feeds")) {
            return "Feeds";
        }
        if (path.startsWith("/posts/") || path.equals("/site-image.png")) {
            return "Pages";
        }
        if (path.equals("/") || path.startsWith("/dashboard")) {
            return "Dashboard";
        }
        if (path.startsWith("/schemas") || path.endsWith("api.json")) {
            return "Contracts";
        }
        return "Operations";
    }

    private static void feed(ObjectNode paths, String path, String summary) {
        ObjectNode op = op(paths, path, "get", summary, "RSS 2.0, Atom 1.0 or JSON Feed 1.1; ETag, Last-Modified, 304 to a conditional "
                + "request, gzip when accepted, Cache-Control: public, max-age=60.");
        ObjectNode format = param(op, "format", "path", true, "rss, atom or json");
        format.putArray("enum").add("rss").add("atom").add("json");
        if (path.contains("{slug}")) {
            pathParam(op, "slug");
        }
        if (path.contains("{n}")) {
            param(op, "n", "path", true, "Archive page, 1 = oldest").put("type", "integer").put("minimum", 1);
        }
        param(op, "If-None-Match", "header", false, "An ETag this feed sent");
        param(op, "If-Modified-Since", "header", false, "A Last-Modified this feed sent");
        param(op, "Accept-Encoding", "header", false, "gzip for a compressed body");
        ObjectNode ok = op.putObject("responses").putObject("200").put("description", "The feed");
        content(ok, "application/rss+xml", "application/atom+xml", "application/feed+json");
        ObjectNode okHeaders = ok.putObject("headers");
        for (String h : List.of("ETag", "Last-Modified", "Cache-Control")) {
            okHeaders.putObject(h).putObject("schema").put("type", "string");
        }
        ((ObjectNode) op.get("responses")).putObject("304").put("description", "Not modified: the reader's copy is current");
        if (path.contains("{slug}")) {
            ((ObjectNode) op.get("responses")).putObject("301").put("description", "A tag asked for by its name: Location has its slug");
        }
        problems(op, "404");
    }

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

    private static ObjectNode op(ObjectNode paths, String path, String method, String summary, String description) {
        ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        ObjectNode op = item.putObject(method);
        op.put("operationId", method + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", ""));
        op.put("summary", summary);
        op.put("description", description);
        return op;
    }

    private static ObjectNode param(ObjectNode op, String name, String in, boolean required, String description) {
        ArrayNode params = op.has("parameters") ? (ArrayNode) op.get("parameters") : op.putArray("parameters");
        ObjectNode p = params.addObject();
        p.put("name", name).put("in", in).put("required", required).put("description", description);
        ObjectNode schema = p.putObject("schema");
        schema.put("type", "string");
        return schema;
    }

    private static void pathParam(ObjectNode op, String name) {
        param(op, name, "path", true, "The " + name);
    }

    private static void body(ObjectNode op, boolean required, String... types) {
        ObjectNode body = op.putObject("requestBody").put("required", required);
        ObjectNode content = body.putObject("content");
        for (String t : types) {
            content.putObject(t).putObject("schema").put("type", t.equals("application/json") ? "object" : "string");
        }
    }

    private static void bearer(ObjectNode op) {
        ArrayNode security = op.putArray("security");
        security.addObject().putArray("bearer");
        security.addObject();
    }

    private static ObjectNode responses(ObjectNode op) {
        return op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
    }

    private static void respond(ObjectNode op, String status, String description, String schemaRef) {
        respondRef(op, status, description, schemaRef);
    }

    private static void respondRef(ObjectNode op, String status, String description, String schemaRef) {
        ObjectNode r = responses(op).putObject(status).put("description", description);
        r.putObject("content").putObject("application/json").putObject("schema").put("$ref", schemaRef);
    }

    private static void content(ObjectNode response, String... types) {
        ObjectNode content = response.putObject("content");
        for (String t : types) {
            content.putObject(t).putObject("schema").put("type", "string");
        }
    }

    private static void header(ObjectNode op, String status, String name, String description) {
        ObjectNode r = (ObjectNode) responses(op).get(status);
        r.putObject("headers").putObject(name).put("description", description).putObject("schema").put("type", "string");
    }

    private static void problems(ObjectNode op, String... statuses) {
        for (String s : statuses) {
            responses(op).putObject(s).put("$ref", PROBLEM);
        }
    }
}
