package io.herald.publish.activitypub;

import io.herald.publish.Ledger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedPost;
import io.herald.events.EnrichedQa;
import io.herald.events.Follower;
import io.herald.events.LedgerEntry;
import io.herald.publish.PostStore;
import io.herald.publish.Site;
import io.herald.support.GroupOwnership;
import io.herald.support.OutboundHttp;
import io.herald.support.OutboundPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which activity each follower's server gets for a post's present state, by the ledger. */
class FederationTest {

    static final Instant FOLLOWED = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    final PostStore store = new PostStore();
    final Followers followers = new Followers();
    final Ledger ledger = new Ledger();
    final List<LedgerEntry> written = new ArrayList<>();
    Federation federation;

    @BeforeEach
    void setUp() {
        ActivityDocs docs = new ActivityDocs("https://blog.example", "site", Site.DEFAULT);
        federation = new Federation(docs, ActorKey.load(Optional.empty(), dir), new OutboundHttp(OutboundPolicy.publicOnly()), store,
                followers, ledger, GroupOwnership.alone(), 3, Duration.ofSeconds(60), Duration.ZERO, written::add, a -> { });
        // Two followers on one server (one shared inbox) and one on another.
        followers.record("https://a.example/users/1", Follower.of("https://a.example/users/1", "https://a.example/users/1/inbox",
                "https://a.example/inbox", "f1", FOLLOWED));
        followers.record("https://a.example/users/2", Follower.of("https://a.example/users/2", "https://a.example/users/2/inbox",
                "https://a.example/inbox", "f2", FOLLOWED.plusSeconds(60)));
        followers.record("https://b.example/users/3", Follower.of("https://b.example/users/3", "https://b.example/users/3/inbox",
                null, "f3", FOLLOWED));
    }

    static EnrichedPost post(int version, Instant received, boolean minorEdit) {
        return EnrichedPost.builder().id("p").version(version).title("Opening hours").published(FOLLOWED.minus(Duration.ofDays(30)))
                .updated(received).language("en").qa(List.of(new EnrichedQa("when", "When?", "Nine to five.", null)))
                .contentHash("h" + version).minorEdit(minorEdit).receivedAt(received).build();
    }

    private List<String> plan() {
        return federation.plan("p", store.get("p"), Instant.now()).stream()
                .map(j -> j.entry().activity() + " " + j.entry().destination() + " v" + j.entry().version()).toList();
    }

    private void delivered(String inbox, String activity, int version) {
        LedgerEntry e = LedgerEntry.attempt("p", LedgerEntry.ACTIVITYPUB, inbox, version, "h" + version, activity, "id", "obj", 0,
                FOLLOWED).next(LedgerEntry.DELIVERED, 1, null, FOLLOWED, null);
        ledger.record(e.key(), e);
    }

    @Test
    void a_post_that_arrives_after_the_follow_is_created_once_per_server_whatever_date_its_author_gave_it() {
        store.apply(post(1, FOLLOWED.plusSeconds(3600), false));
        assertEquals(List.of("Create https://a.example/inbox v1", "Create https://b.example/users/3/inbox v1"), plan());
    }

    @Test
    void a_post_that_was_there_before_anyone_followed_is_not_sent() {
        store.apply(post(1, FOLLOWED.minus(Duration.ofDays(1)), false));
        assertEquals(List.of(), plan());
    }

    @Test
    void a_minor_edit_sends_nothing_and_a_significant_one_sends_update_only_where_a_version_went() {
        delivered("https://a.example/inbox", "Create", 1);
        store.apply(post(2, FOLLOWED.plusSeconds(7200), true));
        assertEquals(List.of(), plan().stream().filter(p -> p.contains("a.example")).toList(), "a typo fix is not announced again");
        store.apply(post(3, FOLLOWED.plusSeconds(9000), false));
        List<String> plan = plan();
        assertTrue(plan.contains("Update https://a.example/inbox v3"), plan.toString());
        assertTrue(plan.stream().noneMatch(p -> p.startsWith("Update https://b.example")), "where nothing went, no Update: " + plan);
    }

    @Test
    void a_withdrawal_deletes_where_a_version_went_and_stops_a_create_still_being_retried() {
        delivered("https://a.example/inbox", "Create", 1);
        LedgerEntry retrying = LedgerEntry.attempt("p", LedgerEntry.ACTIVITYPUB, "https://b.example/users/3/inbox", 1, "h1", "Create", "id",
                "obj", 0, FOLLOWED).next(LedgerEntry.RETRYING, 1, "HTTP 503", FOLLOWED, FOLLOWED.plusSeconds(60));
        ledger.record(retrying.key(), retrying);
        store.apply(post(1, FOLLOWED.plusSeconds(3600), false));
        store.delete("p");
        assertEquals(List.of("Delete https://a.example/inbox v1"), plan());
        assertEquals(1, written.size());
        assertEquals(LedgerEntry.FAILED, written.get(0).state());
        assertTrue(written.get(0).reason().contains("withdrawn"), written.get(0).reason());
    }

    @Test
    void a_delete_that_was_taken_is_never_sent_again() {
        LedgerEntry deleted = LedgerEntry.attempt("p", LedgerEntry.ACTIVITYPUB, "https://a.example/inbox", 1, null, "Delete", "id", "obj", 1,
                FOLLOWED).next(LedgerEntry.DELIVERED, 1, null, FOLLOWED, null);
        ledger.record(deleted.key(), deleted);
        assertEquals(-1, deleted.deliveredVersion());
        store.apply(post(1, FOLLOWED.plusSeconds(3600), false));
        store.delete("p");
        assertEquals(List.of(), plan());
    }
}
