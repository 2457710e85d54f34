package io.herald.publish.feeds;

import io.herald.publish.PostStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Every feed document, rendered once and kept as bytes (plain and gzipped) with its ETag and
 * Last-Modified. A document is rendered again only when the entries it shows changed: after any
 * change to the posts, its fingerprint (which posts, which versions, which archive links) is
 * compared, and only a different one costs a render.
 */
public final class RenderedFeeds {

    /** Formats and their media types. */
    public static final Map<String, String> TYPES = Map.of(
            "rss", "application/rss+xml; charset=utf-8",
            "atom", "application/atom+xml; charset=utf-8",
            "json", "application/feed+json; charset=utf-8");

    private static final Pattern PATH = Pattern.compile("^/feeds/(.+?)(?:/archive/(\\d{1,6}))?\\.(rss|atom|json)$");

    /** One rendered document. */
    public record Document(String path, String fingerprint, long atChange, byte[] body, byte[] gzip, String etag,
                           Instant lastModified, String contentType) {

        Document at(long change) {
            return new Document(path, fingerprint, change, body, gzip, etag, lastModified, contentType);
        }
    }

    private final PostStore store;
    private final Feeds feeds;
    private final AtomRenderer atom;
    private final RssRenderer rss;
    private final JsonFeedRenderer json;
    private final Map<String, Document> cache = new ConcurrentHashMap<>();
    private volatile long renders;

    public RenderedFeeds(PostStore store, Feeds feeds, FeedLinks links) {
        this.store = store;
        this.feeds = feeds;
        this.atom = new AtomRenderer(links);
        this.rss = new RssRenderer(links);
        this.json = new JsonFeedRenderer(links);
    }

    public Feeds feeds() {
        return feeds;
    }

    /** How many documents were rendered since start: the cache's hit rate shows in it. */
    public long renders() {
        return renders;
    }

    /**
     * Where a tag feed requested by the tag's name (the old form, {@code /feeds/tags/city planning.atom})
     * lives now, under its slug; empty when the path is already canonical or not a tag feed.
     */
    public Optional<String> movedTo(String rawPath) {
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Matcher m = PATH.matcher(path);
        if (!m.matches() || !m.group(1).startsWith("tags/")) {
            return Optional.empty();
        }
        String tag = m.group(1).substring(5);
        String slug = TagSlug.of(tag);
        if (slug.equals(tag)) {
            return Optional.empty();
        }
        FeedSpec spec = FeedSpec.tag(feeds.siteTitle(), tag);
        return Optional.of(m.group(2) == null ? spec.path(m.group(3)) : spec.archivePath(Integer.parseInt(m.group(2)), m.group(3)));
    }

    /** The document at a path such as {@code /feeds/all.atom} or {@code /feeds/tags/x/archive/2.rss}. */
    public Optional<Document> get(String rawPath) {
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String key = m.group(1);
        String format = m.group(3);
        Optional<FeedSpec> spec = feeds.spec(key);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        String cacheKey = key + (m.group(2) == null ? "" : "/archive/" + m.group(2)) + "." + format;
        long change = store.changeCount();
        Document cached = cache.get(cacheKey);
        if (cached != null && cached.atChange() == change) {
            return Optional.of(cached);
        }
        Optional<FeedPage> page = m.group(2) == null
                ? Optional.of(feeds.subscription(spec.get()))
                : feeds.archive(spec.get(), Integer.parseInt(m.group(2)));
        if (page.isEmpty() || spec.get().key().startsWith("tags/") && page.get().items().isEmpty() && m.group(2) == null) {
            cache.remove(cacheKey);
            return Optional.empty();
        }
        String fingerprint = page.get().fingerprint();
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            Document still = cached.at(change);
            cache.put(cacheKey, still);
            return Optional.of(still);
        }
        Document fresh = render(page.get(), format, change, rawPath, cached);
        cache.put(cacheKey, fresh);
        return Optional.of(fresh);
    }

    /** Every document there is now (subscription and archive pages of every feed, each format). */
    public List<String> paths() {
        List<String> paths = new java.util.ArrayList<>();
        for (FeedSpec spec : feeds.specs()) {
            int archives = feeds.subscription(spec).prevArchive();
            for (String format : List.of("rss", "atom", "json")) {
                paths.add(spec.path(format));
                for (int n = 1; n <= archives; n++) {
                    paths.add(spec.archivePath(n, format));
                }
            }
        }
        return paths;
    }

    /**
     * Renders a document. Its Last-Modified is when its entries last changed; if the bytes differ from
     * the document it replaces (an entry left, say) and that time did not move, it moves on a second,
     * so an If-Modified-Since client never keeps stale bytes.
     */
    private Document render(FeedPage page, String format, long change, String path, Document previous) {
        String text = switch (format) {
            case "rss" -> rss.render(page);
            case "atom" -> atom.render(page);
            default -> json.render(page);
        };
        renders++;
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + io.herald.support.Hashes.sha256(body).substring(0, 32) + "\"";
        java.time.Instant lastModified = page.lastChanged().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (previous != null && !previous.etag().equals(etag) && !lastModified.isAfter(previous.lastModified())) {
            lastModified = previous.lastModified().plusSeconds(1);
        }
        return new Document(path, page.fingerprint(), change, body, gzip(body), etag, lastModified, TYPES.get(format));
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
