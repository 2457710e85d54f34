package io.herald.publish.feeds;

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
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes every feed to {@code --out} under the same paths it is served at, each file replaced
 * atomically (written beside it, then renamed), so a web server in front never serves half a file.
 * Files of feeds that no longer exist (a tag's last post deleted) are removed.
 */
public final class StaticExport {

    private final Path out;
    private final Map<String, String> written = new HashMap<>();

    public StaticExport(Path out) {
        this.out = out;
    }

    /** @return the paths whose content changed since the last export (for WebSub pings) */
    public List<String> export(RenderedFeeds feeds, FeedLinks links) throws IOException {
        List<String> changed = new ArrayList<>();
        Set<String> current = new HashSet<>();
        for (String path : feeds.paths()) {
            var doc = feeds.get(path);
            if (doc.isEmpty()) {
                continue;
            }
            current.add(path);
            if (!doc.get().etag().equals(written.get(path))) {
                write(file(path), doc.get().body());
                written.put(path, doc.get().etag());
                changed.add(path);
            }
        }
        write(out.resolve("feeds/index.html"), FeedIndexPage.render(feeds.feeds(), links).getBytes(StandardCharsets.UTF_8));
        for (String gone : new ArrayList<>(written.keySet())) {
            if (!current.contains(gone)) {
                Files.deleteIfExists(file(gone));
                written.remove(gone);
                changed.add(gone);
            }
        }
        return changed;
    }

    private Path file(String path) {
        Path file = out.resolve(java.net.URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8)).normalize();
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

    private final Map<String, String> pages = new HashMap<>();

    /**
     * Writes the page of every post that links to Herald (one without a URL of its own) to
     * {@code posts/<id>/index.html}, so a plain web server can host the feeds and the pages they link to;
     * removes the pages of posts that are gone.
     */
    public void exportPages(io.herald.publish.PostStore store, io.herald.publish.Site site, String baseUrl) throws IOException {
        Set<String> current = new HashSet<>();
        for (var post : store.newest(0, Integer.MAX_VALUE)) {
            boolean ownUrl = post.url() != null && post.url().matches("(?i)https?://\\S+");
            if (ownUrl || !post.id().matches("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}._-]*")) {
                continue;
            }
            current.add(post.id());
            String html = io.herald.publish.pages.PostPage.render(post, site, baseUrl);
            String hash = io.herald.support.Hashes.sha256(html);
            if (!hash.equals(pages.get(post.id()))) {
                write(pageFile(post.id()), html.getBytes(StandardCharsets.UTF_8));
                pages.put(post.id(), hash);
            }
        }
        for (String gone : new ArrayList<>(pages.keySet())) {
            if (!current.contains(gone)) {
                Files.deleteIfExists(pageFile(gone));
                pages.remove(gone);
            }
        }
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
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
