package io.herald.publish.pages;

import io.herald.support.HttpAnswers;
import io.herald.publish.PublishHttp;
import io.herald.publish.PostStore;
import io.herald.publish.Site;
import io.herald.support.Problems;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import io.herald.publish.feeds.CacheFriendlyHeaders;
import io.herald.support.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code publish-page}: {@code GET /posts/{id}}, the post's page ({@link PostPage}), or 404. */
public final class PostPageRoute extends RouteBuilder {

    private final PostStore store;
    private final Site site;
    private final String baseUrl;

    private final java.util.Optional<io.herald.publish.activitypub.ActivityDocs> activityPub;

    public PostPageRoute(PostStore store, Site site, String baseUrl) {
        this(store, site, baseUrl, java.util.Optional.empty());
    }

    /** @param activityPub with the site on the fediverse: a request for {@code application/activity+json} gets the post's Article */
    public PostPageRoute(PostStore store, Site site, String baseUrl, java.util.Optional<io.herald.publish.activitypub.ActivityDocs> activityPub) {
        this.activityPub = activityPub;
        this.store = store;
        this.site = site;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public void configure() {
        getContext().getRegistry().bind(CacheFriendlyHeaders.NAME, new CacheFriendlyHeaders());
        from(PublishHttp.PAGE.uri())
                .routeId(PublishHttp.PAGE.routeId())
                .process(this::page);
        from(PublishHttp.TAG_PAGE.uri())
                .routeId(PublishHttp.TAG_PAGE.routeId())
                .process(this::tagPage);
        from(PublishHttp.SITE_IMAGE.uri())
                .routeId(PublishHttp.SITE_IMAGE.routeId())
                .process(this::siteImage);
    }

    /** Herald's own site image, for link previews of posts without an image when no site-image is set. */
    private void siteImage(Exchange exchange) {
        boolean head = "HEAD".equals(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class));
        var message = HttpAnswers.start(exchange, 200, "image/png");
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Cache-Control", "public, max-age=86400");
        message.setHeader("ETag", SITE_IMAGE_ETAG);
        message.setBody(head ? new byte[0] : SITE_IMAGE);
    }

    private static final byte[] SITE_IMAGE = readSiteImage();
    private static final String SITE_IMAGE_ETAG = "\"" + Hashes.sha256(SITE_IMAGE).substring(0, 16) + "\"";

    private static byte[] readSiteImage() {
        try (var in = Site.class.getResourceAsStream("site-image.png")) {
            if (in == null) {
                throw new IllegalStateException("site-image.png is missing from the publish jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void tagPage(Exchange exchange) {
        String slug = io.herald.publish.feeds.TagSlug.ofRequested(exchange.getMessage().getHeader("slug", String.class));
        boolean head = "HEAD".equals(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class));
        var page = store.newest((io.herald.publish.PostHead p) -> io.herald.publish.feeds.TagSlug.has(p, slug), 0, TagPage.LISTED);
        if (page.total() == 0) {
            Problems.respond(exchange, 404, "Not found", "No post has the tag \"" + slug + "\"; " + baseUrl + "/feeds/ lists every topic.");
            return;
        }
        // The tag as the newest post with it writes it.
        String tag = io.herald.publish.feeds.TagSlug.spelt(page.posts().get(0), slug).orElse(slug);
        var message = HttpAnswers.start(exchange, 200, "text/html; charset=utf-8");
        message.setHeader("Content-Security-Policy", PostPage.CONTENT_SECURITY_POLICY);
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Cache-Control", "public, max-age=60");
        message.setBody(head ? "" : TagPage.render(tag, page.posts(), page.total(), site, baseUrl));
    }

    private void page(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        boolean head = "HEAD".equals(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class));
        var post = store.get(id);
        if (post.isEmpty()) {
            Problems.respond(exchange, 404, "Not found", "There is no post with id \"" + id + "\".");
            return;
        }
        String accept = exchange.getMessage().getHeader("Accept", String.class);
        if (activityPub.isPresent() && accept != null && (accept.contains("application/activity+json")
                || accept.contains("application/ld+json"))) {
            // A fediverse server looking the post's link up: the Article its Create carried.
            var message = HttpAnswers.start(exchange, 200, io.herald.publish.activitypub.ActivityDocs.MEDIA_TYPE);
            message.setHeader("Vary", "Accept");
            message.setHeader("Cache-Control", "public, max-age=60");
            message.setBody(head ? "" : io.herald.events.Json.write(activityPub.get().article(post.get())));
            return;
        }
        var message = HttpAnswers.start(exchange, 200, "text/html; charset=utf-8");
        message.setHeader("Content-Security-Policy", PostPage.CONTENT_SECURITY_POLICY);
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Cache-Control", "public, max-age=60");
        if (activityPub.isPresent()) {
            message.setHeader("Vary", "Accept");
        }
        message.setBody(head ? "" : PostPage.render(post.get(), site, baseUrl));
    }
}
