package io.herald.publish.social;

import com.ibm.icu.text.BreakIterator;
import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.LinkFacet;
import io.herald.events.Schema;
import io.herald.events.SocialSnippet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.herald.publish.PostLinks;
import io.herald.support.HeaderSafe;
import io.herald.support.TextScan;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Writes a post's social snippet for a platform: title, then the summary (or the strongest Q&amp;A
 * pair when there is none), hashtags from the tags, and the link. When it is too long for the
 * platform, the body is cut at a word boundary with an ellipsis; the link and the hashtags are
 * whole parts, so a cut never falls inside them, nor inside a character (surrogate pair or
 * grapheme). If even that is too long, hashtags go, then the title is cut the same way.
 */
public final class SnippetComposer {

    static final String ELLIPSIS = "…";
    static final int MAX_HASHTAGS = 3;

    /** The announcement snippet of a post for one platform. */
    public SocialSnippet compose(EnrichedPost post, Platform platform, String link) {
        String body = post.summary() != null && !post.summary().isBlank() ? post.summary() : strongestPair(post);
        return fitted(post, platform, 0, link, l -> fit(platform, post.title(), body, hashtags(post.tags()), platform.shown(l)));
    }

    /**
     * The snippet with the first form of its link that lets it fit ({@link #linkForms}); if none does,
     * the snippet with the shortest, longer than the limit, which {@link SocialPlan} holds with its reason.
     */
    private static SocialSnippet fitted(EnrichedPost post, Platform platform, int part, String link,
                                        UnaryOperator<String> fit) {
        SocialSnippet last = null;
        for (String form : linkForms(link)) {
            last = snippet(post, platform, part, fit.apply(form), form, platform.shown(form));
            if (last.length() <= last.limit()) {
                return last;
            }
        }
        return last;
    }

    /**
     * A link, then shorter forms of it for a network that counts it in full (X and Mastodon do for a
     * host they do not recognise, such as localhost): without its query (the UTM tags), then with its
     * path as the characters it encodes (an IRI: a Japanese path is a tenth as long as its percent-encoding).
     */
    public static List<String> linkForms(String link) {
        List<String> forms = new ArrayList<>(List.of(link));
        int q = link.indexOf('?');
        String bare = link;
        if (q >= 0) {
            int hash = link.indexOf('#', q);
            bare = link.substring(0, q) + (hash >= 0 ? link.substring(hash) : "");
            forms.add(bare);
        }
        String iri = iri(bare);
        if (!iri.equals(bare)) {
            forms.add(iri);
        }
        return forms;
    }

    /**
     * A URL with its percent-encoded letters as the characters they are (RFC 3987), every other byte
     * (space, control, delimiter, ASCII) left encoded: {@code /posts/%E6%97%A5%20x} is {@code /posts/日%20x}.
     */
    static String iri(String url) {
        StringBuilder out = new StringBuilder(url.length());
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        int i = 0;
        while (i < url.length()) {
            char c = url.charAt(i);
            if (c == '%' && i + 2 < url.length() && hex(url.charAt(i + 1)) >= 0 && hex(url.charAt(i + 2)) >= 0) {
                int b = hex(url.charAt(i + 1)) * 16 + hex(url.charAt(i + 2));
                if (b >= 0x80) {
                    run.write(b);
                    i += 3;
                    continue;
                }
            }
            flush(run, out);
            out.append(c);
            i++;
        }
        flush(run, out);
        return out.toString();
    }

    /** Bytes of one or more encoded characters: as characters where they are valid UTF-8 letters, else as they were. */
    private static void flush(ByteArrayOutputStream run, StringBuilder out) {
        if (run.size() == 0) {
            return;
        }
        byte[] bytes = run.toByteArray();
        run.reset();
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            if (text.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK)) {
                out.append(text);
                return;
            }
        } catch (CharacterCodingException e) {
            // not UTF-8: left encoded
        }
        for (byte b : bytes) {
            out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** The snippet, with the facet that carries the whole link where the text shows it in short. */
    private static SocialSnippet snippet(EnrichedPost post, Platform platform, int part, String text, String link, String shown) {
        List<LinkFacet> facets = new ArrayList<>();
        int at = shown.equals(link) ? -1 : text.lastIndexOf(shown);
        if (at >= 0) {
            int start = utf8(text.substring(0, at));
            facets.add(new LinkFacet(start, start + utf8(shown), link));
        }
        return new SocialSnippet(Schema.VERSION, key(post, platform, part), post.id(), post.version(), platform.id(), text,
                platform.length(text), platform.limit(), link, facets);
    }

    /**
     * A marketer's own text for a snippet Herald composed: the same key, link and network, its length
     * counted again and its link facet found again (the text must show the link, whole or as the network
     * shows it).
     */
    public static SocialSnippet edited(SocialSnippet composed, String text, Platform platform) {
        String shown = platform.shown(composed.link());
        List<LinkFacet> facets = new ArrayList<>();
        int at = shown.equals(composed.link()) ? -1 : text.lastIndexOf(shown);
        if (at >= 0 && !text.contains(composed.link())) {
            int start = utf8(text.substring(0, at));
            facets.add(new LinkFacet(start, start + utf8(shown), composed.link()));
        }
        return new SocialSnippet(Schema.VERSION, composed.idempotencyKey(), composed.postId(), composed.version(), composed.platform(),
                text, platform.length(text), platform.limit(), composed.link(), facets);
    }

    /** Whether a text shows the snippet's link (whole, or as the network shows it). */
    public static boolean showsLink(SocialSnippet composed, String text, Platform platform) {
        return text.contains(composed.link()) || text.contains(platform.shown(composed.link()));
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** One snippet per pair, numbered "1/n", for a thread; none on a network without threads (LinkedIn). */
    public List<SocialSnippet> thread(EnrichedPost post, Platform platform, String link) {
        List<SocialSnippet> out = new ArrayList<>();
        if (!platform.hasThreads()) {
            return out;
        }
        int n = post.qa().size();
        for (int i = 0; i < n; i++) {
            EnrichedQa pair = post.qa().get(i);
            String head = (i + 1) + "/" + n + " " + pair.question();
            String anchor = PostLinks.anchor(link, pair.id());
            out.add(fitted(post, platform, i + 1, anchor, l -> fit(platform, head, pair.answer(), "", platform.shown(l))));
        }
        return out;
    }

    /** Deterministic: post id, version, channel, platform (and the pair's number in a thread). */
    public static String key(EnrichedPost post, Platform platform, int threadPart) {
        return HeaderSafe.of(post.id()) + ":v" + post.version() + ":social:" + platform.id() + (threadPart > 0 ? ":" + threadPart : "");
    }

    static String strongestPair(EnrichedPost post) {
        // The pair with the longest answer says the most; ties go to the earlier pair.
        EnrichedQa best = null;
        for (EnrichedQa pair : post.qa()) {
            if (best == null || length(pair.answer()) > length(best.answer())) {
                best = pair;
            }
        }
        return best == null ? (post.intro() == null ? "" : post.intro()) : best.question() + " " + best.answer();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    static String hashtags(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            String h = hashtag(tag);
            if (!h.isEmpty() && out.size() < MAX_HASHTAGS) {
                out.add("#" + h);
            }
        }
        return String.join(" ", out);
    }

    /**
     * A tag as a hashtag's name (without '#'): its words of letters and digits, any script, each
     * capitalised and joined; empty for a tag that makes no hashtag (one character, only digits).
     */
    public static String hashtag(String tag) {
        StringBuilder h = new StringBuilder();
        for (String word : tag.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                h.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return h.length() > 1 && !h.chars().allMatch(Character::isDigit) ? h.toString() : "";
    }

    /** A body cut shorter than this many words says nothing: the snippet goes without it instead. */
    static final int MIN_BODY_WORDS = 3;

    static String fit(Platform platform, String title, String body, String hashtags, String link) {
        // A post that starts with an @mention is a reply on X and hidden from followers: ".@" keeps it a post.
        String head = title != null && title.startsWith("@") ? "." + title : title;
        String full = assemble(head, body, hashtags, link);
        if (platform.length(full) <= platform.limit()) {
            return full;
        }
        String cut = longestFitting(platform, body, MIN_BODY_WORDS, b -> assemble(head, b, hashtags, link));
        if (cut != null) {
            return cut;
        }
        cut = longestFitting(platform, body, MIN_BODY_WORDS, b -> assemble(head, b, "", link));
        if (cut != null) {
            return cut;
        }
        String whole = assemble(head, "", "", link);
        if (platform.length(whole) <= platform.limit()) {
            return whole;
        }
        cut = longestFitting(platform, head, 1, t -> assemble(t, "", "", link));
        return cut != null ? cut : link;
    }

    private static String assemble(String title, String body, String hashtags, String link) {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {title, body, hashtags}) {
            if (p != null && !p.isBlank()) {
                parts.add(p.strip());
            }
        }
        String head = String.join("\n\n", parts);
        return head.isEmpty() ? link : head + "\n\n" + link;
    }

    /**
     * The longest word-boundary prefix of {@code text} (plus ellipsis) whose assembled post fits, or null
     * when none fits or the longest that does has fewer than {@code minWords} words.
     */
    private static String longestFitting(Platform platform, String text, int minWords, UnaryOperator<String> assemble) {
        return longestFitting(platform, text, minWords, assemble, true);
    }

    /** @param bounded whether to search only as far as can fit ({@code false}: the whole text, what the bound must agree with) */
    static String longestFitting(Platform platform, String text, int minWords, UnaryOperator<String> assemble,
                                 boolean bounded) {
        if (text == null || text.isBlank()) {
            return null;
        }
        // Only the start of a long answer can fit: each try below measures the whole assembled text,
        // so the search looks at no more than can fit (a web address counts less than its length,
        // so their characters are allowed on top). If even that much fits, the whole text is searched.
        List<Integer> cuts = wordBoundaries(text, bounded ? reach(platform, text) : text.length());
        if (!cuts.isEmpty() && cuts.get(cuts.size() - 1) < text.length() && fits(platform, assemble, prefix(text, cuts.get(cuts.size() - 1)))) {
            cuts = wordBoundaries(text, text.length());
        }
        int lo = 0;
        int hi = cuts.size() - 1;
        String best = null;
        String bestPrefix = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            String prefix = prefix(text, cuts.get(mid));
            String assembled = assemble.apply(prefix + ELLIPSIS);
            if (platform.length(assembled) <= platform.limit()) {
                best = assembled;
                bestPrefix = prefix;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best != null && words(bestPrefix) >= minWords ? best : null;
    }

    /** Cut off after a word, no punctuation or space dangles before the ellipsis (a scanner: linear in the text). */
    private static final String TRAILING_PUNCTUATION = " \t\n\u000B\f\r,;:.!?(-–—";

    private static String prefix(String text, int end) {
        return TextScan.stripTrailing(text.substring(0, end).stripTrailing(), TRAILING_PUNCTUATION);
    }

    private static boolean fits(Platform platform, UnaryOperator<String> assemble, String prefix) {
        return platform.length(assemble.apply(prefix + ELLIPSIS)) <= platform.limit();
    }

    /** How far into the text a fitting prefix can reach: the limit, plus every character of a word that may be a web address. */
    static int reach(Platform platform, String text) {
        int addressChars = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || Character.isWhitespace(text.charAt(i))) {
                String word = text.substring(start, i);
                if (word.indexOf('.') >= 0 || word.indexOf(':') >= 0 || word.indexOf('/') >= 0) {
                    addressChars += word.length();
                }
                start = i + 1;
            }
        }
        return platform.limit() + addressChars + 64;
    }

    /** Words as ICU finds them (so also in Chinese or Japanese, which have no spaces). */
    static int words(String text) {
        BreakIterator it = BreakIterator.getWordInstance(Locale.ROOT);
        it.setText(text);
        int n = 0;
        for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
            if (it.getRuleStatus() != BreakIterator.WORD_NONE) {
                n++;
            }
        }
        return n;
    }

    /**
     * Positions where the text may be cut, up to {@code reach}: word ends (for scripts without spaces,
     * every word the ICU dictionary finds).
     */
    private static List<Integer> wordBoundaries(String text, int reach) {
        BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
        words.setText(text);
        List<Integer> cuts = new ArrayList<>();
        for (int end = words.next(); end != BreakIterator.DONE && end <= reach; end = words.next()) {
            if (end > 0 && end < text.length()) {
                cuts.add(end);
            }
        }
        return cuts;
    }
}
