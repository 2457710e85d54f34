package io.herald.publish.routes;

import io.herald.publish.AtomRenderer;
import io.herald.publish.PostStore;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** {@code publish-feeds}: serves the feeds, re-rendering only after the posts changed. */
public final class FeedRoute extends RouteBuilder {

    static final int FEED_SIZE = 50;

    private record Rendered(long atChange, String xml) {
    }

    private final PostStore store;
    private final AtomRenderer atom;
    private final AtomicReference<Rendered> allAtom = new AtomicReference<>(new Rendered(-1, null));

    public FeedRoute(PostStore store, AtomRenderer atom) {
        this.store = store;
        this.atom = atom;
    }

    @Override
    public void configure() {
        from("platform-http:/feeds/all.atom?httpMethodRestrict=GET,HEAD")
                .routeId("publish-feeds")
                .process(this::serveAllAtom);
    }

    private void serveAllAtom(Exchange exchange) {
        long change = store.changeCount();
        Rendered cached = allAtom.get();
        if (cached.atChange() != change) {
            cached = new Rendered(change, atom.render("all", "Herald: all posts", "/feeds/all.atom",
                    store.newest(0, FEED_SIZE)));
            allAtom.set(cached);
        }
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "application/atom+xml; charset=utf-8");
        message.setBody(cached.xml());
    }
}
