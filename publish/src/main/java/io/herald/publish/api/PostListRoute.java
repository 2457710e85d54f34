package io.herald.publish.api;

import io.herald.publish.PublishHttp;
import io.herald.events.Json;
import io.herald.publish.PostStore;
import io.herald.support.Problems;
import io.herald.events.EnrichedPost;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code publish-api-list}: {@code GET /api/posts?limit=&offset=&q=&tag=&language=&source=}, newest first:
 * a page of the posts that match ({@link PostQuery}), how many match in all, and the languages and
 * sources there are to filter by.
 */
public final class PostListRoute extends RouteBuilder {

    static final int MAX_LIMIT = 200;

    private final PostStore store;

    public PostListRoute(PostStore store) {
        this.store = store;
    }

    @Override
    public void configure() {
        from(PublishHttp.LIST.uri())
                .routeId(PublishHttp.LIST.routeId())
                .process(this::list);
    }

    private void list(Exchange exchange) {
        int limit;
        int offset;
        try {
            limit = intParam(exchange, "limit", 20);
            offset = intParam(exchange, "offset", 0);
        } catch (NumberFormatException e) {
            Problems.respond(exchange, 400, "Bad request", "limit and offset must be whole numbers.");
            return;
        }
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            Problems.respond(exchange, 400, "Bad request", "limit must be 1 to " + MAX_LIMIT + " and offset 0 or more.");
            return;
        }
        var m = exchange.getMessage();
        String q = m.getHeader("q", String.class);
        if (q != null && q.length() > PostQuery.MAX_TEXT) {
            Problems.respond(exchange, 400, "Bad request", "q (the text searched for) may be up to " + PostQuery.MAX_TEXT + " characters.");
            return;
        }
        PostQuery query = PostQuery.of(q, m.getHeader("tag", String.class), m.getHeader("language", String.class),
                m.getHeader("source", String.class));
        // Without a filter the page is the newest posts and the total the store's size: no pass over every post.
        PostStore.Page page = query.everything() ? new PostStore.Page(store.size(), store.newest(offset, limit))
                : store.newest(query::passes, query.text().isEmpty() ? null : query, offset, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total());
        body.put("offset", offset);
        body.put("limit", limit);
        body.put("posts", page.posts());
        body.put("facets", facets());
        Responses.json(exchange, 200, Json.write(body));
    }

    private record Facets(long change, Map<String, Map<String, Integer>> counts) {
    }

    /** The facets as of a change of the store: counted again only after the store changed. */
    private volatile Facets facets = new Facets(-1, Map.of());

    /** What there is to filter by: each language and kind of source among all posts, with how many posts. */
    private Map<String, Map<String, Integer>> facets() {
        long change = store.changeCount();
        Facets known = facets;
        if (known.change() == change) {
            return known.counts();
        }
        Map<String, Map<String, Integer>> counts = countFacets();
        facets = new Facets(change, counts);
        return counts;
    }

    private Map<String, Map<String, Integer>> countFacets() {
        Map<String, Integer> languages = new TreeMap<>();
        Map<String, Integer> sources = new TreeMap<>();
        for (io.herald.publish.PostHead p : store.heads()) {
            if (p.language() != null) {
                languages.merge(p.language(), 1, Integer::sum);
            }
            if (p.sourceKind() != null) {
                sources.merge(p.sourceKind(), 1, Integer::sum);
            }
        }
        return Map.of("language", java.util.Collections.unmodifiableMap(languages), "source", java.util.Collections.unmodifiableMap(sources));
    }

    private static int intParam(Exchange exchange, String name, int fallback) {
        String v = exchange.getMessage().getHeader(name, String.class);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }
}
