package io.herald.ingest;

import io.herald.events.RawPost;
import io.herald.support.Hashes;
import io.herald.support.Settings;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import io.herald.events.Json;
import io.herald.events.Topics;
import io.herald.support.Masking;
import io.herald.support.RecordBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the bytes of one submitted document into a {@link RawPost}, or refuses it with a
 * {@link RejectedPost} that says why. Every source (HTTP, inbox, feeds, webhooks) goes through here.
 */
public final class Intake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    /** 5 MiB: far above any real Q&amp;A post, far below what would strain a broker. */
    public static final long DEFAULT_MAX_BYTES = Settings.defaultOf(Settings.MAX_POST_BYTES);

    /** Media types Herald reads, and the file extensions the inbox maps to them. */
    public static final Map<String, String> TYPES_BY_EXTENSION = Map.of(
            "txt", "text/plain",
            "text", "text/plain",
            "md", "text/markdown",
            "markdown", "text/markdown",
            "html", "text/html",
            "htm", "text/html",
            "json", "application/json",
            // Outlines and reStructuredText are plain text with structure, which the plain-text reading sees.
            "org", "text/plain",
            "rst", "text/plain");

    private final Clock clock;
    private final long maxBytes;
    private final PostLedger ledger;
    private volatile boolean approvalRequired;
    private final RecordBudget budget;

    public Intake(Clock clock, long maxBytes, PostLedger ledger) {
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.budget = RecordBudget.forPosts(maxBytes);
        this.ledger = ledger;
    }

    /** A post that passed: the event to write, and whether it repeats what was already accepted. */
    public record Outcome(RawPost post, boolean unchanged) {
        public String status() {
            return unchanged ? "unchanged" : "accepted";
        }
    }

    /** With {@code approval=required}: each new post, and every later version of one, waits for a marketer's approval. */
    public Intake approvalRequired(boolean required) {
        this.approvalRequired = required;
        return this;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Media types Herald reads posts in. */
    static final Set<String> READABLE = Set.of("text/plain", "text/markdown", "text/x-markdown", "text/html",
            "application/xhtml+xml", "application/json");

    public Outcome accept(byte[] body, String contentTypeHeader, String source) {
        return accept(body, contentTypeHeader, source, Optional.empty());
    }

    /**
     * As {@link #accept(byte[], String, String)}, with an id the sender chose ({@code ?id=} on the
     * request): it wins over anything in the post, so a post whose title changes stays the same post.
     */
    public Outcome accept(byte[] body, String contentTypeHeader, String source, Optional<String> explicitId) {
        String mediaType = mediaType(contentTypeHeader);
        // The format first: a form's fields are decoded away by the HTTP server, so its body looks empty.
        if (!READABLE.contains(mediaType)) {
            throw unsupportedType(mediaType);
        }
        if (body == null || body.length == 0) {
            throw RejectedPost.badRequest("The post is empty.");
        }
        if (body.length > maxBytes) {
            throw tooLarge(body.length);
        }
        String text = decode(body, charset(contentTypeHeader));
        if (text.isBlank()) {
            throw RejectedPost.badRequest("The post is empty: it contains only white space.");
        }
        ParsedPost parsed = readable(mediaType, () -> switch (mediaType) {
            case "text/plain" -> new PlainTextParser().parse(stripBom(text));
            case "text/markdown", "text/x-markdown" -> new MarkdownPostParser().parse(text);
            case "text/html", "application/xhtml+xml" -> new HtmlPostParser().parse(stripBom(text), null);
            case "application/json" -> new JsonPostParser().parse(text);
            default -> throw unsupportedType(mediaType);
        });
        ParsedPost identified = explicitId.filter(id -> !id.isBlank()).map(id -> parsed.toBuilder().explicitId(id.strip()).build())
                .orElse(parsed);
        return finish(identified, text, mediaType, source, Hashes.sha256(body));
    }

    /**
     * Accepts a post that a source already took apart (a feed entry, a CMS payload).
     *
     * @param body        what arrived, kept verbatim on the raw topic
     * @param contentHash hash of what matters in it, so a resend with only new timestamps is {@code unchanged}
     */
    public Outcome acceptParsed(ParsedPost parsed, String body, String contentType, String source, String contentHash) {
        if (body.length() > maxBytes) {
            throw tooLarge(body.length());
        }
        return finish(parsed, body, contentType, source, contentHash);
    }

    private Outcome finish(ParsedPost given, String text, String mediaType, String source, String hash) {
        // A post with text in it is never refused for want of a title: its first meaningful line, or its file's name, is one.
        // (An HTML page sent as plain text is refused all the same, saying what it is.)
        boolean mistyped = !mediaType.contains("html") && looksLikeHtml(text);
        ParsedPost parsed = hasTitle(given.title()) || mistyped ? given
                : fallbackTitle(given, source).map(t -> given.toBuilder().title(t).build()).orElse(given);
        if (!hasTitle(parsed.title())) {
            throw RejectedPost.badRequest("The post has no title: give it a first line (text), a heading or "
                    + "<title> (HTML, Markdown), a \"title\" in front matter or JSON."
                    + (mistyped ? " The body looks like an HTML page: send it with Content-Type: text/html (or as an .html file)." : ""));
        }
        String id = PostIdentity.idFor(parsed);
        RawPost raw = parsed.toRaw().id(id).source(source).contentType(mediaType).body(text)
                .receivedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS)).contentHash(hash)
                .needsApproval(approvalRequired && ledger.needsApproval(id)).build();
        int recordBytes = Json.writeBytes(raw).length;
        if (recordBytes > budget.recordBytes() - 64 * 1024) {
            // Refused once, with the limit that applies, rather than answered 503 "retry" for ever.
            throw new RejectedPost(413, "Post too large", "The post would make a record of " + recordBytes + " bytes on "
                    + Topics.POSTS_RAW.name() + " (the post and what Herald read from it); Herald carries records of up to "
                    + (budget.recordBytes() - 64 * 1024) + " bytes, set by max-post-bytes (" + maxBytes + ").");
        }
        // A post its own CMS withdrew stays withdrawn until that CMS publishes it again: an RSS listing
        // of it (Ghost lists members-only posts), another door or another CMS does not bring it back.
        Optional<String> withdrawnBy = ledger.withdrawnBy(id);
        if (withdrawnBy.isPresent() && !source.equals("webhook:" + withdrawnBy.get())) {
            if (source.startsWith("feed:")) {
                LOG.info("Left out {} from {}: withdrawn by its CMS ({}) until it publishes it again", id,
                        Masking.url(source.substring(5)), withdrawnBy.get());
                return new Outcome(raw, true);
            }
            throw new RejectedPost(409, "Withdrawn by its CMS", "The post \"" + id + "\" was taken out of public view in "
                    + withdrawnBy.get() + ", so Herald keeps it out until " + withdrawnBy.get() + " publishes it again.");
        }
        return new Outcome(raw, ledger.isUnchanged(id, hash));
    }


    /**
     * Runs a parser. A refusal ({@link RejectedPost}) passes through as it is. Anything else thrown
     * inside a parser is a defect in Herald, told apart from a refusal: it is logged with its stack
     * trace and becomes a {@link RejectedPost#parserDefect}, so the sender still gets a clear 400 and
     * the post is kept in the DLQ rather than surfacing as a server error.
     *
     * @param what the parser, for the reason ("text/html", "CMS webhook", "feed")
     */
    public static <T> T readable(String what, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (RejectedPost e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Parser defect: the {} parser threw instead of accepting or refusing a post", what, e);
            throw RejectedPost.parserDefect(what, e);
        }
    }

    /** The refusal of a body in a format Herald does not read, naming the ones it does. */
    public static RejectedPost unsupportedType(String mediaType) {
        String what = mediaType.isEmpty() ? "a body without a Content-Type"
                : mediaType.equals("application/x-www-form-urlencoded")
                        ? "a form (application/x-www-form-urlencoded, what curl --data-binary sends without -H 'Content-Type: ...')"
                        : mediaType;
        return new RejectedPost(415, "Unsupported content type",
                "Herald reads text/plain, text/markdown, text/html and application/json posts, not " + what + ".");
    }

    /** 120 characters: a title, not a paragraph. */
    private static final Pattern LINE_MARKS = Pattern.compile("^[-*•#=>\\s]++");
    static final int FALLBACK_TITLE_CHARS = 120;

    /**
     * The title of a post that gives none: the first line of its text that has a letter or digit in it
     * (the intro's, else the first question's), else the name of the file it came in (without its
     * extension); cut at a word near 120 characters.
     */
    static Optional<String> fallbackTitle(ParsedPost post, String source) {
        List<String> candidates = new ArrayList<>();
        if (post.intro() != null) {
            candidates.add(post.intro());
        }
        post.qa().stream().findFirst().ifPresent(p -> candidates.add(p.question()));
        if (source != null && source.startsWith("inbox:")) {
            String name = source.substring(6);
            int dot = name.lastIndexOf('.');
            candidates.add((dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').replace('-', ' '));
        }
        for (String c : candidates) {
            for (String line : c.lines().limit(50).toList()) {
                // Only a title's worth of the line is looked at, however long the line.
                String head = line.length() > 4 * FALLBACK_TITLE_CHARS ? line.substring(0, 4 * FALLBACK_TITLE_CHARS) : line;
                String l = LINE_MARKS.matcher(head.strip()).replaceFirst("").strip();
                if (hasTitle(l)) {
                    return Optional.of(cut(l));
                }
            }
        }
        return Optional.empty();
    }

    private static String cut(String line) {
        if (line.codePointCount(0, line.length()) <= FALLBACK_TITLE_CHARS) {
            return line;
        }
        int end = line.offsetByCodePoints(0, FALLBACK_TITLE_CHARS);
        int space = line.lastIndexOf(' ', end);
        return (space > FALLBACK_TITLE_CHARS / 2 ? line.substring(0, space) : line.substring(0, end)).strip() + "…";
    }

    /** A title is words: text with a letter or digit once any markup is taken out. */
    static boolean hasTitle(String title) {
        return title != null && title.replaceAll("<[^>]*>", "").codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Whether a body that was not sent as HTML is an HTML page all the same. */
    static boolean looksLikeHtml(String text) {
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<?xml") && start.contains("<html");
    }

    public RejectedPost tooLarge(long size) {
        return new RejectedPost(413, "Post too large", "The post is " + size + " bytes; the limit is "
                + maxBytes + " bytes" + (maxBytes >= 1024 * 1024 ? " (" + (maxBytes / (1024 * 1024)) + " MiB)" : "") + ".");
    }

    public static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static Charset charset(String header) {
        if (header != null) {
            for (String param : header.split(";")) {
                String p = param.strip();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    String name = p.substring(8).replace("\"", "").strip();
                    try {
                        return Charset.forName(name);
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        throw RejectedPost.badRequest("Unknown character set \"" + name + "\".");
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String decode(byte[] body, Charset charset) {
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw RejectedPost.badRequest("The post is not readable " + charset.name()
                    + " text (is it a binary file?). Send text, or name its charset in the Content-Type.");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw RejectedPost.badRequest("The post contains NUL bytes: it looks like a binary file, not text.");
        }
        return text;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
