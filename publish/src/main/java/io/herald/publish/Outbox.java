package io.herald.publish;

import io.herald.events.NewsletterPayload;
import io.herald.events.SocialSnippet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.herald.events.Event;
import io.herald.support.Packed;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the publish stage has sent: every idempotency key (so nothing goes out twice, also after a
 * redelivery or a restart), the payloads per post (for the previews marketing looks at), and the
 * digest watermark. Rebuilt from {@code herald.newsletter} and {@code herald.social} at start-up.
 */
public final class Outbox {

    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    /** A newsletter as it went out, kept compressed: read for a preview or a resend, rarely. */
    private record Sent(String kind, byte[] packed) {
        NewsletterPayload payload() {
            return Packed.event(packed, NewsletterPayload.class);
        }
    }

    private final Map<String, List<Sent>> newsletters = new ConcurrentHashMap<>();
    private final Map<String, List<SocialSnippet>> snippets = new ConcurrentHashMap<>();
    private final Map<String, Sent> newslettersByKey = new ConcurrentHashMap<>();
    private volatile Instant digestWatermark;
    private final List<java.util.function.Consumer<String>> snippetListeners = new CopyOnWriteArrayList<>();

    /** Told the post's id whenever a snippet of it is recorded for the first time. */
    public void onSnippet(java.util.function.Consumer<String> listener) {
        snippetListeners.add(listener);
    }

    public boolean sent(String key) {
        return keys.contains(key);
    }

    public void record(NewsletterPayload p) {
        if (keys.add(p.idempotencyKey())) {
            Sent sent = new Sent(p.kind(), Packed.event(p));
            newslettersByKey.put(p.idempotencyKey(), sent);
            if (p.postId() != null) {
                newsletters.computeIfAbsent(p.postId(), k -> new CopyOnWriteArrayList<>()).add(sent);
            }
            if (p.kind().equals("digest")) {
                Instant end = Instant.parse(p.idempotencyKey().substring("digest:".length()));
                if (digestWatermark == null || end.isAfter(digestWatermark)) {
                    digestWatermark = end;
                }
            }
        }
    }

    public void record(SocialSnippet s) {
        if (keys.add(s.idempotencyKey())) {
            snippets.computeIfAbsent(s.postId(), k -> new CopyOnWriteArrayList<>()).add(s);
            snippetListeners.forEach(l -> l.accept(s.postId()));
        }
    }

    /** Records a payload sent on either channel. */
    public void record(Event payload) {
        if (payload instanceof NewsletterPayload n) {
            record(n);
        } else if (payload instanceof SocialSnippet s) {
            record(s);
        } else {
            throw new IllegalArgumentException("not an outbound payload: " + payload);
        }
    }

    public boolean announced(String postId) {
        return newsletters.getOrDefault(postId, List.of()).stream().anyMatch(p -> p.kind().equals("announcement"));
    }

    /**
     * Whether the post had its snippets with an earlier version than this one (a post's snippets go out with its first
     * publication only). Snippets of this very version may be only some of them: a process killed between them sends
     * the rest when the record comes again.
     */
    public boolean socialSentBefore(String postId, int version) {
        return snippets.getOrDefault(postId, List.of()).stream().anyMatch(s -> s.version() < version);
    }

    public Optional<NewsletterPayload> latestNewsletter(String postId) {
        List<Sent> list = newsletters.getOrDefault(postId, List.of());
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1).payload());
    }

    /** A newsletter payload that went out, by its idempotency key (for re-sending it). */
    public Optional<NewsletterPayload> newsletter(String idempotencyKey) {
        return Optional.ofNullable(newslettersByKey.get(idempotencyKey)).map(Sent::payload);
    }

    public List<SocialSnippet> snippets(String postId) {
        return new ArrayList<>(snippets.getOrDefault(postId, List.of()));
    }

    public Optional<Instant> digestWatermark() {
        return Optional.ofNullable(digestWatermark);
    }
}
