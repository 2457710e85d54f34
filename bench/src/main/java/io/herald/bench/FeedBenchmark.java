package io.herald.bench;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.events.RawPost;
import io.herald.publish.PostStore;
import io.herald.publish.feeds.FeedLinks;
import io.herald.publish.feeds.FeedSpec;
import io.herald.publish.feeds.Feeds;
import io.herald.publish.feeds.RenderedFeeds;
import io.herald.transform.Pipeline;
import io.herald.transform.VersionLedger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import io.herald.publish.feeds.AtomRenderer;
import io.herald.publish.feeds.JsonFeedRenderer;
import io.herald.publish.feeds.RssRenderer;

/**
 * Feed cost with 50 posts the size of the sample webinar (12 pairs each): rendering each format
 * from scratch, and answering a request from the render cache (what a feed reader's poll costs
 * when nothing changed, before the network). Baseline: writing the same 50 posts as JSON.
 */
public class FeedBenchmark extends BenchSettings {

    private List<EnrichedPost> posts;
    private RenderedFeeds cached;
    private Feeds feeds;
    private AtomRenderer atom;
    private RssRenderer rss;
    private JsonFeedRenderer json;
    private FeedLinks links;

    @Setup
    public void load() {
        RawPost raw = BenchPost.webinarRaw();
        EnrichedPost one = new Pipeline(new VersionLedger(), Clock.systemUTC()).process(raw).orElseThrow();
        posts = new ArrayList<>();
        PostStore store = new PostStore();
        for (int i = 0; i < 50; i++) {
            EnrichedPost p = one.toBuilder().id("post-" + i).version(1).title(one.title() + " " + i)
                    .published(one.published().minus(Duration.ofHours(i))).updated(one.updated().minus(Duration.ofHours(i)))
                    .minorEdit(false).build();
            posts.add(p);
            store.apply(p);
        }
        links = new FeedLinks("https://news.example", Optional.empty());
        feeds = new Feeds(store, 50, "Herald");
        cached = new RenderedFeeds(store, feeds, links);
        cached.get("/feeds/all.atom").orElseThrow();
        atom = new AtomRenderer(links);
        rss = new RssRenderer(links);
        json = new JsonFeedRenderer(links);
    }

    @Benchmark
    public String baseline_write50PostsAsJson() {
        return Json.write(posts);
    }

    /** After a change: the header rendered, every entry as rendered before (the usual case). */
    @Benchmark
    public String render_atom() {
        return atom.render(feeds.subscription(FeedSpec.all("Herald")));
    }

    @Benchmark
    public String render_rss() {
        return rss.render(feeds.subscription(FeedSpec.all("Herald")));
    }

    /** From nothing: every entry rendered too (a new renderer each time), as after a start. */
    @Benchmark
    public String render_atom_everyEntry() {
        return new AtomRenderer(links).render(feeds.subscription(FeedSpec.all("Herald")));
    }

    @Benchmark
    public String render_rss_everyEntry() {
        return new RssRenderer(links).render(feeds.subscription(FeedSpec.all("Herald")));
    }

    @Benchmark
    public String render_jsonFeed() {
        return json.render(feeds.subscription(FeedSpec.all("Herald")));
    }

    @Benchmark
    public Object serve_fromCache() {
        return cached.get("/feeds/all.atom").orElseThrow();
    }
}
