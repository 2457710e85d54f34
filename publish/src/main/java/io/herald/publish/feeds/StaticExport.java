package io.herald.publish.feeds;

import io.herald.events.EnrichedPost;
import io.herald.publish.PostLinks;
import io.herald.publish.PostStore;
import io.herald.publish.Site;
import java.util.function.Function;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import io.herald.events.Json;
import io.herald.support.Hashes;
import java.net.URLDecoder;
import java.util.LinkedHashMap;

/**
 * Writes every feed to {@code --out} under the same paths it is served at, each file replaced
 * atomically (written beside it, then renamed), so a web server in front never serves half a file.
 * Files of feeds that no longer exist (a tag's last post deleted) are removed.
 *
 * <p>Only what changed is rendered: a document whose entries (its fingerprint) are those it was
 * written with is left alone, and a feed's archive pages are not even looked at while the entries
 * on them stay the same (they change only when a page fills or an old post is edited or deleted).
 * What was written is kept in {@code .herald-export.json} in the folder, so a restart renders only
 * what changed while Herald was down.
 */
public final class StaticExport {

    static final String MANIFEST = ".herald-export.json";

    private final Path out;
    /** Path → hash of the fingerprint it was written with. */
    private final Map<String, String> written = new HashMap<>();
    /** Archive page path → the signature of what it showed when written (see {@link Feeds#archiveSignatures}). */
    private final Map<String, String> archives = new HashMap<>();
    /** Feed key → its spec as last exported, so the files of a feed that is gone can be found. */
    private final Map<String, FeedSpec> specs = new HashMap<>();
    /** Post id → what its page was rendered from (see {@link #pageStamp}). */
    private final Map<String, String> pages = new HashMap<>();
    private String pagesSite = "";
    private long savedAt;

    public StaticExport(Path out) {
        this.out = out;
        loadManifest();
    }

    /** @return the paths whose content changed since the last export (for WebSub pings) */
    public List<String> export(RenderedFeeds feeds, FeedLinks links) throws IOException {
        List<String> changed = new ArrayList<>();
        Feeds f = feeds.feeds();
        Map<String, FeedSpec> now = new HashMap<>();
        for (FeedSpec spec : f.specs()) {
            now.put(spec.key(), spec);
            int pages = f.subscription(spec).prevArchive();
            for (String format : FORMATS) {
                exportOne(feeds, FeedRequest.of(spec, format), changed);
            }
            long[] signatures = f.archiveSignatures(spec);
            for (String format : FORMATS) {
                for (int n = 1; n <= pages && n <= signatures.length; n++) {
                    FeedRequest archive = FeedRequest.archive(spec, n, format);
                    String path = archive.path();
                    String signature = Long.toString(signatures[n - 1]);
                    if (!signature.equals(archives.get(path)) || !written.containsKey(path)) {
                        exportOne(feeds, archive, changed);
                        archives.put(path, signature);
                    }
                }
                // Fewer archive pages than before (posts deleted): the last ones go.
                for (int n = pages + 1; written.containsKey(spec.archivePath(n, format)); n++) {
                    remove(spec.archivePath(n, format), changed);
                }
            }
        }
        for (Map.Entry<String, FeedSpec> gone : new HashMap<>(specs).entrySet()) {
            if (!now.containsKey(gone.getKey())) {
                for (String format : FORMATS) {
                    remove(gone.getValue().path(format), changed);
                    for (int n = 1; written.containsKey(gone.getValue().archivePath(n, format)); n++) {
                        remove(gone.getValue().archivePath(n, format), changed);
                    }
                }
            }
        }
        specs.clear();
        specs.putAll(now);
        write(out.resolve("feeds/index.html"), FeedIndexPage.render(feeds.feeds(), links).getBytes(StandardCharsets.UTF_8));
        saveManifest();
        return changed;
    }

    private static final List<String> FORMATS = List.of("rss", "atom", "json");

    private void exportOne(RenderedFeeds feeds, FeedRequest request, List<String> changed) throws IOException {
        String path = request.path();
        var resolved = feeds.resolve(request);
        if (resolved.isEmpty()) {
            remove(path, changed);
            return;
        }
        String hash = Hashes.sha256(resolved.get().page().fingerprint()).substring(0, 24);
        if (hash.equals(written.get(path))) {
            return;
        }
        write(file(path), feeds.document(resolved.get()).body());
        written.put(path, hash);
        changed.add(path);
    }

    private void remove(String path, List<String> changed) throws IOException {
        archives.remove(path);
        if (written.remove(path) != null) {
            Files.deleteIfExists(file(path));
            changed.add(path);
        }
    }

    @SuppressWarnings("unchecked")
    private void loadManifest() {
        Path file = out.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            Map<String, Object> m = Json.read(Files.readAllBytes(file), Map.class);
            Map<String, String> w = (Map<String, String>) m.getOrDefault("written", Map.of());
            // A file someone removed by hand is written again.
            w.forEach((path, hash) -> {
                if (Files.isRegularFile(file(path))) {
                    written.put(path, hash);
                }
            });
            archives.putAll((Map<String, String>) m.getOrDefault("archives", Map.of()));
            pages.putAll((Map<String, String>) m.getOrDefault("pages", Map.of()));
            pagesSite = String.valueOf(m.getOrDefault("pagesSite", ""));
            pages.keySet().removeIf(id -> !Files.isRegularFile(pageFile(id)));
        } catch (IOException | RuntimeException e) {
            // An unreadable manifest costs one full export, nothing else.
            written.clear();
            archives.clear();
            pages.clear();
        }
    }

    /**
     * Saves what was written, at most every ten seconds: a manifest older than the files only makes
     * the next start render those documents again.
     */
    private void saveManifest() throws IOException {
        long now = System.nanoTime();
        if (savedAt != 0 && now - savedAt < 10_000_000_000L) {
            return;
        }
        savedAt = now;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("written", written);
        m.put("archives", archives);
        m.put("pages", pages);
        m.put("pagesSite", pagesSite);
        write(out.resolve(MANIFEST), Json.writeBytes(m));
    }

    private Path file(String path) {
        Path file = out.resolve(URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8)).normalize();
        if (!file.startsWith(out.normalize())) {
            throw new IllegalArgumentException("a feed path left the export folder: " + path);
        }
        return file;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".herald-", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes the page of every post that links to Herald (one without a URL of its own) to
     * {@code posts/<id>/index.html}, so a plain web server can host the feeds and the pages they link to;
     * removes the pages of posts that are gone. Only pages whose post (or the site settings) changed
     * since they were written are rendered.
     */
    public void exportPages(PostStore store, Site site, String baseUrl, Function<EnrichedPost, String> page) throws IOException {
        String siteStamp = Hashes.sha256(site + "|" + baseUrl).substring(0, 24);
        if (!siteStamp.equals(pagesSite)) {
            pages.clear();
            pagesSite = siteStamp;
        }
        Set<String> current = new HashSet<>();
        boolean any = false;
        // The pages' link previews name Herald's own site image when no site-image is set: exported beside them.
        Path image = out.resolve(Site.OWN_IMAGE_PATH.substring(1));
        if (site.image().isEmpty() && !Files.exists(image)) {
            try (var in = Site.class.getResourceAsStream("site-image.png")) {
                if (in != null) {
                    write(image, in.readAllBytes());
                }
            }
        }
        for (var head : store.heads()) {
            if (PostLinks.hasOwnUrl(head.url()) || !head.id().matches("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}._-]*")) {
                continue;
            }
            current.add(head.id());
            String stamp = pageStamp(head);
            Optional<EnrichedPost> post = stamp.equals(pages.get(head.id())) ? Optional.empty() : store.body(head);
            if (post.isPresent()) {
                String html = page.apply(post.get());
                write(pageFile(head.id()), html.getBytes(StandardCharsets.UTF_8));
                pages.put(head.id(), stamp);
                any = true;
            }
        }
        if (current.size() != pages.size()) {
            for (String gone : new ArrayList<>(pages.keySet())) {
                if (!current.contains(gone)) {
                    Files.deleteIfExists(pageFile(gone));
                    pages.remove(gone);
                    any = true;
                }
            }
        }
        if (any) {
            saveManifest();
        }
    }

    private final Map<String, String> tagPages = new HashMap<>();
    private boolean tagPagesSwept;

    /**
     * Writes each topic's page ({@code tags/<slug>/index.html}, as {@code /tags/<slug>} is served: the post
     * pages' tag links lead there) and removes those of topics no post has any more. {@code pages} maps
     * each slug to its page's HTML; only pages whose HTML changed are written.
     */
    public void exportTagPages(Map<String, String> pages) throws IOException {
        Path root = out.resolve("tags").normalize();
        if (!tagPagesSwept && Files.isDirectory(root)) {
            // Pages of a run before this one whose topic is gone.
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.toList()) {
                    if (!pages.containsKey(dir.getFileName().toString())) {
                        Files.deleteIfExists(dir.resolve("index.html"));
                    }
                }
            }
        }
        tagPagesSwept = true;
        for (var e : pages.entrySet()) {
            Path file = root.resolve(e.getKey()).resolve("index.html").normalize();
            if (!file.startsWith(root) || e.getKey().contains("/")) {
                continue;
            }
            String hash = Hashes.sha256(e.getValue()).substring(0, 24);
            if (!hash.equals(tagPages.get(e.getKey()))) {
                write(file, e.getValue().getBytes(StandardCharsets.UTF_8));
                tagPages.put(e.getKey(), hash);
            }
        }
        for (String gone : new ArrayList<>(tagPages.keySet())) {
            if (!pages.containsKey(gone)) {
                Files.deleteIfExists(root.resolve(gone).resolve("index.html"));
                tagPages.remove(gone);
            }
        }
    }

    /** A post's version, published tags and times: a new version (a typo fix too) has a new receipt time. */
    private static String pageStamp(io.herald.publish.PostHead post) {
        return io.herald.publish.TagControls.stamp(post.version(), post.tags()) + "|" + post.updated() + "|" + post.receivedAt();
    }

    private Path pageFile(String id) {
        Path file = out.resolve("posts").resolve(id).resolve("index.html").normalize();
        if (!file.startsWith(out.normalize().resolve("posts"))) {
            throw new IllegalArgumentException("a page path left the export folder: " + id);
        }
        return file;
    }

    /** Existing exported files, for tests and operators. */
    public List<Path> files() throws IOException {
        if (!Files.exists(out)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(MANIFEST)).toList();
        }
    }
}
