package io.herald.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.events.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One endpoint of Herald's HTTP API, declared once: its method and path, the route id that answers
 * it, the stage that serves it, whether it needs the API token, and what {@code /openapi.json} says of
 * it. Each stage lists its endpoints in one class ({@code IngestHttp}, {@code PublishHttp}, {@code
 * AppHttp}); a route consumes {@link #uri()}, and the OpenAPI document is made from the lists, so a
 * route cannot exist undocumented nor a documented one be missing ({@code ContractsIT} checks the
 * running routes against them).
 */
public final class HttpEndpoint {

    /** Which process serves an endpoint when the stages run apart. */
    public enum Owner {
        /** The ingest stage: posts in. */
        INGEST,
        /** The publish stage: feeds, pages, the read API, previews, the dashboard. */
        PUBLISH,
        /** Every process: health, metrics, this API's description. */
        EVERY
    }

    private static final String PROBLEM = "#/components/responses/Problem";

    private final String method;
    private final String path;
    private final String routeId;
    private final Owner owner;
    private final String tag;
    private final boolean token;
    private final boolean signed;
    private final boolean camelRoute;
    private final boolean head;
    private final String uriOptions;
    private final List<String> calls;
    private final ObjectNode operation;

    private HttpEndpoint(String method, String path, String routeId, Owner owner, String tag, boolean token, boolean signed,
            boolean camelRoute, boolean head, String uriOptions, List<String> calls, ObjectNode operation) {
        this.signed = signed;
        this.head = head;
        this.method = method;
        this.path = path;
        this.routeId = routeId;
        this.owner = owner;
        this.tag = tag;
        this.token = token;
        this.camelRoute = camelRoute;
        this.uriOptions = uriOptions;
        this.calls = List.copyOf(calls);
        this.operation = operation;
    }

    /** Starts the declaration of {@code GET} (and {@code HEAD}) on a path. */
    public static Builder get(String path) {
        return new Builder("GET", path);
    }

    /** Starts the declaration of {@code GET} only (no {@code HEAD}: the answer is made fresh each time). */
    public static Builder getOnly(String path) {
        return new Builder("GET", path).noHead();
    }

    public static Builder post(String path) {
        return new Builder("POST", path);
    }

    public static Builder delete(String path) {
        return new Builder("DELETE", path);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The id of the route that answers it (the one {@code /health} lists). */
    public String routeId() {
        return routeId;
    }

    public Owner owner() {
        return owner;
    }

    public String tag() {
        return tag;
    }

    /** Whether it needs the API token when one is set. */
    public boolean needsToken() {
        return token;
    }

    /** Whether its requests are signed by their senders instead ({@link Builder#signed()}). */
    public boolean signed() {
        return signed;
    }

    /** Whether a Camel route answers it ({@link #uri()}); the feeds are answered on the router itself ({@code FeedServer}). */
    public boolean camelRoute() {
        return camelRoute;
    }

    /** The endpoints of other stages that the page it serves calls, as {@code METHOD path}: they must be reachable from it. */
    public List<String> calls() {
        return calls;
    }

    /** {@code METHOD path}, as the OpenAPI document and the tests name it. */
    public String key() {
        return method + " " + path;
    }

    /** The Camel endpoint a route consumes to answer it. */
    public String uri() {
        return "platform-http:" + path + "?httpMethodRestrict=" + method + (head ? ",HEAD" : "") + uriOptions;
    }

    /** Its OpenAPI operation, as declared; {@code OpenApi} adds what every operation has in common. */
    public ObjectNode operation() {
        ObjectNode op = operation.deepCopy();
        op.put("operationId", method.toLowerCase(Locale.ROOT) + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", ""));
        ObjectNode responses = op.has("responses") ? (ObjectNode) op.remove("responses") : Json.mapper().createObjectNode();
        // path parameters not described otherwise: "The <name>", in the order the path names them
        ArrayNode params = op.has("parameters") ? (ArrayNode) op.get("parameters") : Json.mapper().createArrayNode();
        List<String> named = new ArrayList<>();
        params.forEach(p -> named.add(p.path("name").asText()));
        for (String part : path.split("[{}]")) {
            if (path.contains("{" + part + "}") && !named.contains(part)) {
                ObjectNode p = Json.mapper().createObjectNode();
                p.put("name", part).put("in", "path").put("required", true).put("description", "The " + part);
                p.putObject("schema").put("type", "string");
                params.insert(0, p);
            }
        }
        if (!params.isEmpty()) {
            op.set("parameters", params);
        }
        op.set("responses", responses);
        if (token) {
            ArrayNode security = op.putArray("security");
            security.addObject().putArray("bearer");
            security.addObject();
        } else {
            op.putArray("security");
        }
        return op;
    }

    /** The declaration of one endpoint, with what its OpenAPI operation says. */
    public static final class Builder {
        private final String method;
        private final String path;
        private String routeId;
        private Owner owner = Owner.PUBLISH;
        private String tag = "Operations";
        private boolean token;
        private boolean signed;
        private boolean camelRoute = true;
        private boolean head;
        private String uriOptions = "";
        private final List<String> calls = new ArrayList<>();
        private final ObjectNode op = Json.mapper().createObjectNode();

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
            this.head = method.equals("GET");
        }

        private Builder noHead() {
            head = false;
            return this;
        }

        /** The route that answers it. */
        public Builder route(String id) {
            this.routeId = id;
            return this;
        }

        public Builder owner(Owner owner) {
            this.owner = owner;
            return this;
        }

        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        public Builder summary(String summary, String description) {
            op.put("summary", summary);
            op.put("description", description);
            return this;
        }

        /**
         * It takes no token: each request is signed by its sender (ActivityPub's HTTP Signatures), and
         * its route refuses one whose signature does not verify.
         */
        public Builder signed() {
            this.signed = true;
            return this;
        }

        /** It needs {@code Authorization: Bearer <api-token>} when a token is set. */
        public Builder token() {
            this.token = true;
            return this;
        }

        /** Answered on the HTTP router itself, not by a route (the feeds). */
        public Builder onRouter() {
            this.camelRoute = false;
            return this;
        }

        /** A further option of the platform-http consumer ({@code headerFilterStrategy=#name}). */
        public Builder uriOption(String option) {
            uriOptions = uriOptions + "&" + option;
            return this;
        }

        /** The page it serves calls this endpoint ({@code METHOD path}), perhaps of another stage. */
        public Builder calls(String... endpoints) {
            calls.addAll(List.of(endpoints));
            return this;
        }

        /** A parameter; its schema is returned to be refined. */
        public ObjectNode param(String name, String in, boolean required, String description) {
            ArrayNode params = op.has("parameters") ? (ArrayNode) op.get("parameters") : op.putArray("parameters");
            ObjectNode p = params.addObject();
            p.put("name", name).put("in", in).put("required", required).put("description", description);
            ObjectNode schema = p.putObject("schema");
            schema.put("type", "string");
            return schema;
        }

        public Builder query(String name, String description) {
            param(name, "query", false, description);
            return this;
        }

        public Builder integerQuery(String name, String description) {
            param(name, "query", false, description).put("type", "integer");
            return this;
        }

        public Builder header(String name, String description) {
            param(name, "header", false, description);
            return this;
        }

        /** The request body: one of these media types. */
        public Builder body(String... types) {
            ObjectNode content = op.putObject("requestBody").put("required", true).putObject("content");
            for (String t : types) {
                content.putObject(t).putObject("schema").put("type", t.equals("application/json") ? "object" : "string");
            }
            return this;
        }

        private ObjectNode responses() {
            return op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
        }

        /** A JSON answer of this schema ({@code #/components/schemas/...} or a URL). */
        public Builder json(String status, String description, String schemaRef) {
            ObjectNode r = responses().putObject(status).put("description", description);
            r.putObject("content").putObject("application/json").putObject("schema").put("$ref", schemaRef);
            return this;
        }

        /** An answer in one of these media types (strings). */
        public Builder answers(String status, String description, String... types) {
            ObjectNode content = responses().putObject(status).put("description", description).putObject("content");
            for (String t : types) {
                content.putObject(t).putObject("schema").put("type", "string");
            }
            return this;
        }

        /** An answer without a body. */
        public Builder empty(String status, String description) {
            responses().putObject(status).put("description", description);
            return this;
        }

        /** A header of an answer declared before. */
        public Builder answerHeader(String status, String name, String description) {
            ObjectNode r = (ObjectNode) responses().get(status);
            ObjectNode headers = r.has("headers") ? (ObjectNode) r.get("headers") : r.putObject("headers");
            ObjectNode h = headers.putObject(name);
            if (description != null) {
                h.put("description", description);
            }
            h.putObject("schema").put("type", "string");
            return this;
        }

        /** Problem answers (RFC 9457) with these statuses. */
        public Builder problems(String... statuses) {
            for (String s : statuses) {
                responses().putObject(s).put("$ref", PROBLEM);
            }
            return this;
        }

        public HttpEndpoint build() {
            if (routeId == null && camelRoute) {
                throw new IllegalStateException(method + " " + path + " names no route");
            }
            return new HttpEndpoint(method, path, routeId, owner, tag, token, signed, camelRoute, head, uriOptions, calls, op);
        }
    }
}
