package io.herald.ingest.routes;

import io.herald.support.HttpEndpoint;
import io.herald.support.HttpEndpoint.Owner;
import java.util.List;

/**
 * The ingest stage's HTTP surface, declared in one place: posts in through the API and CMS webhooks,
 * and deletions. Each route consumes its endpoint's {@link HttpEndpoint#uri()}; {@code /openapi.json}
 * is made from this list.
 */
public final class IngestHttp {

    private static final String[] POST_TYPES = {"text/plain", "text/markdown", "text/html", "application/json"};

    public static final HttpEndpoint PUBLISH = HttpEndpoint.post("/api/posts").route("ingest-http").owner(Owner.INGEST).tag("Posts")
            .token()
            .summary("Publish a post", "The post in the body, in any supported format; its id is its JSON id, its canonical URL "
                    + "or a slug of its title, or the id query parameter. Answered only after Kafka has the record.")
            .query("id", "Keep this id whatever the title (a later post with it is the next version)")
            .query("publishAt", "Publish at this time (ISO 8601 with an offset): until then only the dashboard shows the post")
            .body(POST_TYPES)
            .json("202", "Accepted (or unchanged: that id already has that content)", "#/components/schemas/Accepted")
            .problems("400", "401", "413", "415", "503").build();

    public static final HttpEndpoint DELETE = HttpEndpoint.delete("/api/posts/{id}").route("ingest-delete").owner(Owner.INGEST)
            .tag("Posts").token()
            .summary("Delete a post", "Writes its tombstone: it leaves the API and every feed; pending newsletters and snippets "
                    + "within the hold are cancelled.")
            .json("202", "Deleted", "#/components/schemas/Accepted").problems("401", "404", "503").build();

    public static final HttpEndpoint CMS = HttpEndpoint.post("/api/webhooks/cms").route("ingest-webhook").owner(Owner.INGEST)
            .tag("CMS").token()
            .summary("A CMS's published-post notification", "WordPress, Ghost, Contentful, Strapi or a generic shape; a Ghost "
                    + "webhook signed with ghost-webhook-secret needs no token.")
            .body("application/json")
            .header("X-Ghost-Signature", "sha256=<HMAC of body and t>, t=<ms>")
            .json("202", "Accepted, unchanged, deleted or ignored (a draft)", "#/components/schemas/Accepted")
            .problems("400", "401", "413", "415", "503").build();

    /** The media types a post may come in. */
    public static List<String> postTypes() {
        return List.of(POST_TYPES);
    }

    private IngestHttp() {
    }

    /** Every endpoint ingest serves. */
    public static List<HttpEndpoint> all() {
        return List.of(PUBLISH, DELETE, CMS);
    }
}
