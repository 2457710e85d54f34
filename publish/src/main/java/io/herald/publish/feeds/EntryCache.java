package io.herald.publish.feeds;

import io.herald.support.BoundedCache;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A feed document is its header and its entries, and an entry's markup depends only on its post's
 * version: each entry is rendered (by ROME, in a document of its own) once and kept, and a document
 * is assembled from its freshly rendered header and the kept entries. Profiling showed the renderer
 * making the same entries again for every feed a post is in, in every format, after every change.
 *
 * <p>An entry is kept with the start tag of the document it was rendered in: it is used only in a
 * document whose root declares the same namespaces, so the assembled bytes are exactly those ROME
 * writes for the whole document (checked by {@code EntryAssemblyTest} on varied feeds). Entries are
 * held up to a budget of characters, least recently used dropped first.
 */
final class EntryCache {

    /** An entry's markup (its indented lines, up to the document's closing tag) and the root start tag it was rendered under. */
    record Chunk(String root, String markup) {
    }

    /** Entries by post version, the least recently used going first; the one just rendered always stays. */
    private final BoundedCache<String, Chunk> chunks;

    EntryCache(long budgetChars) {
        // A char of markup is two bytes on the heap.
        this.chunks = BoundedCache.keepingNewest(2 * budgetChars, (key, chunk) -> 2L * chunk.markup().length());
    }

    static String key(FeedPage.Item item) {
        return item.id() + '|' + io.herald.publish.TagControls.stamp(item.post()) + '|' + item.post().contentHash();
    }

    Chunk get(String key, Supplier<Chunk> render) {
        return chunks.computeIfAbsent(key, k -> render.get());
    }

    /**
     * A document assembled from {@code head} (the document rendered with one placeholder {@code element},
     * which marks where the entries go) and each item's entry, rendered alone by {@code renderAlone}
     * (a whole document holding just that entry) the first time it is needed. Null when an entry was
     * rendered under other namespace declarations than the head's: the caller renders the whole document.
     */
    String assemble(String head, String rootName, String element, List<FeedPage.Item> items,
                    Function<FeedPage.Item, String> renderAlone) {
        String root = rootTag(head, rootName);
        int[] slot = span(head, element);
        StringBuilder out = new StringBuilder(head.length() + items.size() * 8192).append(head, 0, slot[0]);
        for (FeedPage.Item item : items) {
            Chunk chunk = get(key(item), () -> {
                String alone = renderAlone.apply(item);
                return new Chunk(rootTag(alone, rootName), chunk(alone, element));
            });
            if (!chunk.root().equals(root)) {
                return null;
            }
            out.append(chunk.markup());
        }
        return out.append(head, slot[1], head.length()).toString();
    }

    /** The root element's start tag of a rendered document. */
    static String rootTag(String document, String rootName) {
        int start = document.indexOf("<" + rootName);
        return document.substring(start, document.indexOf('>', start) + 1);
    }

    /**
     * Where the first {@code element} (e.g. {@code entry}) of a rendered document is: from the start
     * of its first line to the end of its last line, so markup cut out of one document fits another
     * at the same place.
     */
    static int[] span(String document, String element) {
        int open = document.indexOf("<" + element + ">");
        if (open < 0) {
            open = document.indexOf("<" + element + " ");
        }
        int close = document.indexOf("</" + element + ">", open);
        int end = document.indexOf('\n', close);
        return new int[] {document.lastIndexOf('\n', open) + 1, end < 0 ? document.length() : end + 1};
    }

    static String chunk(String document, String element) {
        int[] span = span(document, element);
        return document.substring(span[0], span[1]);
    }
}
