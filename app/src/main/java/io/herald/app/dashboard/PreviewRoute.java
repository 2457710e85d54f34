package io.herald.app.dashboard;

import io.herald.app.AppHttp;
import io.herald.events.RawPost;
import io.herald.ingest.RejectedPost;
import io.herald.support.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code POST /api/posts/preview}: what Herald would read from a draft, nothing written. Answered by
 * ingest where it runs in this process; a publish process without it forwards the draft to ingest
 * ({@link IngestDoor}), so the dashboard checks drafts wherever it is served.
 */
public final class PreviewRoute extends RouteBuilder {

    private final IngestDoor ingest;

    public PreviewRoute(IngestDoor ingest) {
        this.ingest = ingest;
    }

    @Override
    public void configure() {
        from(AppHttp.PREVIEW.uri()).routeId(AppHttp.PREVIEW.routeId()).process(this::preview);
    }

    private void preview(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        String type = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (ingest.local().isEmpty()) {
            ingest.forward(exchange, AppHttp.PREVIEW.path(), body, type);
            return;
        }
        try {
            RawPost post = ingest.local().get().preview(body == null ? new byte[0] : body, type);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", post.id());
            out.put("title", post.title());
            out.put("intro", post.intro());
            List<Map<String, String>> pairs = new ArrayList<>();
            post.qa().forEach(p -> pairs.add(Map.of("question", p.question(), "answer", p.answer() == null ? "" : p.answer())));
            out.put("qa", pairs);
            out.put("tags", post.tags());
            DashboardRoute.json(exchange, 200, out);
        } catch (RejectedPost e) {
            Problems.respond(exchange, e.status(), e.title(), e.detail());
        }
    }
}
