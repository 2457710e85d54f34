package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.QaPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Markdown posts, with and without front matter, read as a marketer wrote them. */
class MarkdownPostParserTest {

    private final MarkdownPostParser parser = new MarkdownPostParser();

    @Test
    void front_matter_gives_title_date_in_utc_author_tags_canonical_url_and_image() {
        ParsedPost post = parser.parse(Fixtures.text("garden-front-matter.md"));
        assertEquals("Allotment Q&A: Spring Planting", post.title());
        assertEquals(Instant.parse("2026-03-14T08:30:00Z"), post.published());
        assertEquals("Joost de Wit", post.author());
        assertEquals(List.of("Gardening", "Allotments"), post.tags());
        assertEquals("https://growers.example/posts/spring-planting", post.url());
        assertEquals("https://growers.example/posts/spring-planting", PostIdentity.idFor(post), "canonical URL is the id");
        assertEquals(List.of("https://growers.example/img/seedlings.jpg"), post.images());
    }

    @Test
    void bold_markdown_labels_give_pairs_with_lists_kept_whole_and_the_outro_apart() {
        ParsedPost post = parser.parse(Fixtures.text("garden-front-matter.md"));
        assertEquals(2, post.qa().size());
        assertEquals(new QaPair("When can I plant potatoes?", "Once the soil is above 8 °C, usually mid-April."),
                new QaPair(post.qa().get(0).question(), post.qa().get(0).answer()));
        assertEquals("Start with these:\n\n- courgettes,\n- runner beans,\n- radishes.\n\nThey forgive late watering.",
                post.qa().get(1).answer());
        assertEquals("Our spring meeting drew a full room. These are the questions we could not get to.", post.intro());
        assertEquals("Thanks for coming, and see you at the summer meeting!", post.outro());
    }

    @Test
    void without_front_matter_the_first_heading_is_the_title_and_headings_ask_the_questions() {
        ParsedPost post = parser.parse(Fixtures.text("headings-no-front-matter.md"));
        assertEquals("Remote work policy: your questions", post.title());
        assertEquals(List.of("Can I work from abroad?", "Who pays for my desk chair?"),
                post.qa().stream().map(QaPair::question).toList());
        assertEquals("We do, up to 300 euros.\n\n1. Buy it.\n2. Send the receipt to finance.", post.qa().get(1).answer());
        assertTrue(post.links().contains("https://www.example.org/policy"), post.links().toString());
        assertNull(post.url());
    }

    @Test
    void dutch_labels_and_block_list_tags() {
        ParsedPost post = parser.parse(Fixtures.text("dutch-labels.md"));
        assertEquals("Vragen over de nieuwe bibliotheek", post.title());
        assertEquals(List.of("bibliotheek", "verbouwing"), post.tags());
        assertEquals(List.of(new QaPair("Wanneer gaat de bibliotheek open?", "Op 1 september, om tien uur."),
                        new QaPair("Is er een studieruimte?", "Ja, op de tweede verdieping.")),
                post.qa().stream().map(p -> new QaPair(p.question(), p.answer())).toList());
    }

    @Test
    void an_unreadable_front_matter_date_is_refused_naming_the_field() {
        RejectedPost e = assertThrows(RejectedPost.class,
                () -> parser.parse("---\ntitle: T\ndate: next Tuesday\n---\nBody"));
        assertTrue(e.detail().contains("\"date\""), e.detail());
    }

    @Test
    void malformed_yaml_front_matter_is_refused_naming_the_line() {
        String post = "---\ntitle: Garden FAQ\ntags: [a, b\nauthor: Kim\n---\n\n## Why?\n\nBecause.\n";
        RejectedPost e = org.junit.jupiter.api.Assertions.assertThrows(RejectedPost.class, () -> parser.parse(post));
        assertEquals(400, e.status());
        assertTrue(e.detail().startsWith("The front matter is not valid YAML at line "), e.detail());
        assertTrue(e.detail().matches("(?s).*at line [345]:.*"), e.detail());
    }

    @Test
    void yaml_alias_bombs_in_front_matter_are_never_expanded() {
        StringBuilder bomb = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("l").append(i).append(": &l").append(i).append(" [");
            String prev = i == 1 ? "*a" : "*l" + (i - 1);
            bomb.append(String.join(", ", java.util.Collections.nCopies(10, prev))).append("]\n");
        }
        bomb.append("title: Bomb\n---\n\n## Q?\n\nA.\n");
        long start = System.nanoTime();
        // Ten levels of ten aliases each would be 10^11 items if expanded; the YAML reader keeps aliases as they are.
        ParsedPost post = parser.parse(bomb.toString());
        assertEquals("Bomb", post.title());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "read quickly");
    }

    /** Issue 23: "问：...\n答：..." lines with no blank line between are one Markdown paragraph, and still pairs. */
    @Test
    void labelled_lines_without_blank_lines_between_are_pairs_in_chinese_and_english() {
        ParsedPost zh = new MarkdownPostParser().parse("""
                ---
                title: 阳台种菜问答
                date: 2026-03-01T09:00:00+08:00
                ---
                志愿者回答了三个问题。

                问：阳台朝北可以种菜吗？
                答：可以种耐阴的叶菜，比如菠菜和生菜。
                问：多久施一次肥？
                答：生长季每两周一次。
                """);
        assertEquals(2, zh.qa().size(), zh.qa().toString());
        assertEquals("阳台朝北可以种菜吗？", zh.qa().get(0).question());
        assertEquals("生长季每两周一次。", zh.qa().get(1).answer());
        ParsedPost en = new MarkdownPostParser().parse("""
                ---
                title: Balcony questions
                date: 2026-03-01T09:00:00Z
                ---
                Q: Can I grow beans?
                A: Yes, in a deep pot.
                """);
        assertEquals(1, en.qa().size());
        assertEquals("Yes, in a deep pot.", en.qa().get(0).answer());
    }
}
