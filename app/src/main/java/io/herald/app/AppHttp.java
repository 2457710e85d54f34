package io.herald.app;

import io.herald.ingest.routes.IngestHttp;
import io.herald.publish.PublishHttp;
import io.herald.support.HttpEndpoint;
import io.herald.support.HttpEndpoint.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What every Herald process answers (health, metrics, this API's description) and the dashboard,
 * declared in one place, and the whole HTTP surface of a process: these with the endpoints of the
 * stages it runs ({@link IngestHttp}, {@link PublishHttp}).
 */
public final class AppHttp {

    public static final HttpEndpoint HEALTH = HttpEndpoint.get("/health").route("health").owner(Owner.EVERY)
            .uriOption("headerFilterStrategy=#" + HealthRoute.HEADER_FILTER)
            .summary("Health", "UP when the broker answers and every route runs; each stage and route listed.")
            .json("200", "UP", "#/components/schemas/Health").json("503", "DOWN", "#/components/schemas/Health").build();

    public static final HttpEndpoint METRICS = HttpEndpoint.getOnly("/metrics").route("metrics").owner(Owner.EVERY)
            .summary("Metrics", "Prometheus text format.").answers("200", "Metrics", "text/plain").build();

    public static final HttpEndpoint OPENAPI = HttpEndpoint.get("/openapi.json").route("openapi").owner(Owner.EVERY).tag("Contracts")
            .summary("This document", "OpenAPI 3.1.").json("200", "The document", "#/components/schemas/Object").build();

    public static final HttpEndpoint STATUS = HttpEndpoint.getOnly("/api/status").route("dashboard-status")
            .summary("Pipeline status", "For the dashboard: checks, records and lag per topic, posts per minute.")
            .json("200", "Status", "#/components/schemas/Object").build();

    public static final HttpEndpoint DLQ = HttpEndpoint.getOnly("/api/dlq").route("dashboard-dlq").token()
            .summary("Refused inputs", "The newest records of herald.dlq, newest first.")
            .json("200", "Rejections", "#/components/schemas/Object").problems("401").build();

    public static final HttpEndpoint DLQ_ORIGINAL = HttpEndpoint.getOnly("/api/dlq/{offset}/original").route("dashboard-dlq-original")
            .token().summary("A refused input's bytes", "As a download.")
            .answers("200", "The bytes", "application/octet-stream").problems("401", "404").build();

    public static final HttpEndpoint DLQ_RETRY = HttpEndpoint.post("/api/dlq/{offset}/retry").route("dashboard-dlq-retry").token()
            .summary("Send a refused input again", "Through the door it came in by.")
            .json("202", "What ingest answers", "#/components/schemas/Accepted").problems("400", "401", "404", "409", "415").build();

    public static final HttpEndpoint PREVIEW = HttpEndpoint.post("/api/posts/preview").route("dashboard-preview").tag("Posts").token()
            .owner(Owner.INGEST)
            .summary("Check a post without publishing it", "What Herald would read from it; nothing is written. Served by ingest, "
                    + "and by publish, which without ingest forwards it to ingest-url.")
            .body(IngestHttp.postTypes().toArray(String[]::new))
            .json("200", "What Herald read", "#/components/schemas/Object")
            .problems("400", "401", "413", "415", "502", "503", "504").build();

    /** Where publish runs without ingest, the dashboard's posts are forwarded to ingest (ingest-url). */
    public static final HttpEndpoint FORWARD_PUBLISH = HttpEndpoint.post("/api/posts").route("dashboard-publish").tag("Posts").token()
            .summary("Publish a post, through ingest", "Served by a publish process without ingest: forwarded to ingest-url with "
                    + "the caller's token; the answer is ingest's. 503 when no ingest-url is set, 502 when ingest cannot be reached.")
            .query("id", "Keep this id whatever the title")
            .query("publishAt", "Publish at this time (ISO 8601 with an offset)")
            .body(IngestHttp.postTypes().toArray(String[]::new))
            .json("202", "Accepted (as ingest answers)", "#/components/schemas/Accepted")
            .problems("400", "401", "413", "415", "502", "503", "504").build();

    /** Where publish runs without ingest, the dashboard's deletions are forwarded to ingest (ingest-url). */
    public static final HttpEndpoint FORWARD_DELETE = HttpEndpoint.delete("/api/posts/{id}").route("dashboard-delete").tag("Posts").token()
            .summary("Delete a post, through ingest", "Served by a publish process without ingest: forwarded to ingest-url with "
                    + "the caller's token; the answer is ingest's.")
            .json("202", "Deleted (as ingest answers)", "#/components/schemas/Accepted").problems("401", "404", "502", "503", "504").build();

    /** What a post was made from, to edit it: private (it may hold what the public page leaves out). */
    public static final HttpEndpoint SOURCE = HttpEndpoint.getOnly("/api/posts/{id}/source").route("dashboard-source").tag("Posts")
            .token()
            .summary("A post's source", "The body its latest version was made from, verbatim, with its media type: what the "
                    + "dashboard's editor opens. Publishing an edit with ?id= keeps the post's id, so it is the next version.")
            .json("200", "The source", "#/components/schemas/Object").problems("401", "404").build();

    public static final HttpEndpoint ASSETS = HttpEndpoint.get("/dashboard/{file}").route("dashboard-assets").tag("Dashboard")
            .summary("Dashboard script and style", "The dashboard's own files.")
            .answers("200", "The file", "text/css", "text/javascript").problems("404").build();

    /** The dashboard's page; its script calls these endpoints, the first of them ingest's. */
    public static final HttpEndpoint DASHBOARD = HttpEndpoint.get("/").route("dashboard").tag("Dashboard")
            .summary("Dashboard", "The dashboard page.").answers("200", "HTML", "text/html")
            .calls(IngestHttp.PUBLISH.key(), IngestHttp.DELETE.key(), PREVIEW.key(), SOURCE.key(), PublishHttp.LIST.key(), PublishHttp.POST.key(),
                    PublishHttp.NEWSLETTER.key(), PublishHttp.SOCIAL.key(), STATUS.key(), DLQ.key(), DLQ_ORIGINAL.key(),
                    DLQ_RETRY.key(), PublishHttp.CHANNELS.key())
            .build();

    private AppHttp() {
    }

    /** The dashboard's endpoints: served where publish runs (it shows the posts as served). */
    public static List<HttpEndpoint> dashboard() {
        return List.of(DASHBOARD, ASSETS, STATUS, SOURCE, DLQ, DLQ_ORIGINAL, DLQ_RETRY);
    }

    /** Every endpoint a process running these stages answers, in the order the API document lists them. */
    public static List<HttpEndpoint> surface(Set<Stage> stages) {
        List<HttpEndpoint> all = new ArrayList<>();
        if (stages.contains(Stage.INGEST)) {
            all.addAll(IngestHttp.all());
        }
        if (stages.contains(Stage.PUBLISH)) {
            all.addAll(PublishHttp.all());
            all.addAll(dashboard());
            if (!stages.contains(Stage.INGEST)) {
                all.add(FORWARD_PUBLISH);
                all.add(FORWARD_DELETE);
            }
        }
        if (stages.contains(Stage.INGEST) || stages.contains(Stage.PUBLISH)) {
            all.add(PREVIEW);
        }
        all.addAll(List.of(HEALTH, METRICS, OPENAPI));
        return List.copyOf(all);
    }
}
