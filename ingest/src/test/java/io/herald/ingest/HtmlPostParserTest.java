package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.QaPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTML posts, from whole web pages to CMS fragments: the article, its metadata, and every Q&A form. */
class HtmlPostParserTest {

    private final HtmlPostParser parser = new HtmlPostParser();

    private ParsedPost parse(String fixture) {
        return parser.parse(Fixtures.text(fixture), null);
    }

    @Test
    void a_whole_page_yields_the_article_metadata_without_the_site_name() {
        ParsedPost post = parse("solar-webinar.html");
        assertEquals("Ask Us Anything: Solar Panels at Home", post.title());
        assertEquals("Priya Raman", post.author());
        assertEquals(Instant.parse("2026-02-11T08:30:00Z"), post.published(), "converted to UTC");
        assertEquals("https://sunnyroofs.example/blog/ask-us-anything-solar", post.url());
        assertEquals(List.of("Solar", "Home energy"), post.tags());
        assertEquals("https://sunnyroofs.example/images/panels-on-roof.jpg", post.images().get(0), "made absolute");
    }

    @Test
    void bold_labels_give_the_pairs_and_a_list_stays_inside_its_answer() {
        ParsedPost post = parse("solar-webinar.html");
        assertEquals(3, post.qa().size());
        assertEquals("Do panels work on a cloudy day?", post.qa().get(0).question());
        assertEquals("Yes, at a lower output. Expect roughly a quarter of a sunny day's yield.", post.qa().get(0).answer());
        QaPair checklist = post.qa().get(1);
        assertEquals("""
                Three things:

                - the angle and shade of your roof,
                - the state of the roof itself,
                - what your grid operator pays for surplus power.

                Our buying checklist covers the rest.""", checklist.answer());
        assertTrue(checklist.answerHtml().contains("<ul>"), checklist.answerHtml());
        assertFalse(checklist.answerHtml().contains("<strong>A:</strong>"), "the label is not part of the answer");
    }

    @Test
    void intro_and_outro_are_kept_apart_from_the_pairs_and_the_site_chrome_is_gone() {
        ParsedPost post = parse("solar-webinar.html");
        assertTrue(post.intro().startsWith("Last week we answered"), "no byline in the intro: " + post.intro());
        assertTrue(post.intro().contains("Here is what came up most."), post.intro());
        assertEquals("Most makers guarantee 80% output after 25 years.", post.qa().get(2).answer());
        assertEquals("Thanks for all your questions! The recording is on our channel.", post.outro());
        String everything = post.intro() + post.outro() + post.qa();
        for (String chrome : List.of("Back to Blog", "Share", "Heat pumps", "Home", "tracker", "©")) {
            assertFalse(everything.contains(chrome), chrome + " leaked into the post");
        }
    }

    @Test
    void links_are_absolute_and_come_from_the_article_only() {
        ParsedPost post = parse("solar-webinar.html");
        assertEquals(List.of("https://sunnyroofs.example/guides/buying-checklist?utm_source=blog"), post.links());
    }

    @Test
    void a_faq_page_with_json_ld_takes_its_pairs_from_the_structured_data() {
        ParsedPost post = parse("library-faq-jsonld.html");
        assertEquals("Library card FAQ", post.title());
        assertEquals(3, post.qa().size());
        assertEquals("Does a card cost anything?", post.qa().get(1).question());
        assertEquals("No. Cards are free; replacing a lost one costs 5 euros.", post.qa().get(1).answer());
        assertTrue(post.qa().get(1).answerHtml().contains("<b>replacing</b>"));
        assertEquals("Everything about getting and using your card.", post.intro());
    }

    @Test
    void questions_as_headings_are_answered_by_what_follows_them() {
        ParsedPost post = parse("climbing-headings.html");
        assertEquals("Climbing gym questions", post.title());
        assertEquals(List.of("Do I need my own shoes?", "What should a first session look like?", "And for kids?"),
                post.qa().stream().map(QaPair::question).toList());
        assertEquals("No, you can rent them at the desk.\n\nBring thin socks if you rent.", post.qa().get(0).answer());
        assertEquals("1. Warm up on the easiest wall.\n2. Try a few routes, then rest.", post.qa().get(1).answer());
        assertEquals("New to bouldering? Start here.", post.intro());
        // a section heading that is not a question, after the last answer, is the outro
        assertEquals("Opening hours\n\nEvery day from 9:00 to 23:00.", post.outro());
    }

    @Test
    void a_definition_list_is_read_as_questions_and_answers() {
        ParsedPost post = parse("glossary-dl.html");
        assertEquals(2, post.qa().size());
        assertEquals("How fresh should beans be?", post.qa().get(1).question());
        assertEquals("Best between one and four weeks after roasting.\n\nKeep them away from light.", post.qa().get(1).answer());
    }

    @Test
    void labels_on_lines_split_by_br_inside_one_paragraph_are_separate_lines() {
        ParsedPost post = parse("wordpress-br-labels.html");
        assertEquals("Volunteer day Q&A", post.title());
        assertEquals(List.of(new QaPair("Where do we meet?", "At the north gate of the park, 9:00."),
                        new QaPair("What should I bring?", "Gloves and water. We provide tools.")),
                post.qa().stream().map(p -> new QaPair(p.question(), p.answer())).toList());
    }

    @Test
    void wholly_bold_paragraphs_ending_in_a_question_mark_are_questions() {
        ParsedPost post = parse("bold-questions.html");
        assertEquals("Shipping questions", post.title());
        assertEquals(2, post.qa().size());
        assertEquals("Two to four working days.", post.qa().get(1).answer());
        assertEquals("Answers to what customers ask us most.", post.intro());
    }

    @Test
    void a_doctype_with_external_entities_is_not_resolved() {
        ParsedPost post = parse("hostile-doctype.html");
        String all = post.title() + post.qa() + post.intro();
        assertFalse(all.contains("root:"), "no file contents");
        assertFalse(all.contains("lollol"), "no entity expansion");
        assertEquals(1, post.qa().size());
    }

    @Test
    void a_page_without_questions_is_a_post_with_zero_pairs() {
        ParsedPost post = parser.parse("<html><head><title>Closed on Monday</title></head><body>"
                + "<p>The shop is closed on Monday.</p></body></html>", null);
        assertEquals("Closed on Monday", post.title());
        assertEquals(0, post.qa().size());
        assertEquals("The shop is closed on Monday.", post.intro());
        assertNull(post.outro());
    }

    @Test
    void words_at_inline_element_boundaries_stay_apart_after_an_answer_label() {
        ParsedPost post = parser.parse("""
                <article><h1>Returns</h1>
                <p>Q: How do I send something back?</p>
                <p>A: See <a href="https://shop.example/guide">our guide</a> and <em>our</em> <a href="/returns">returns page</a>.</p>
                <p>Q: Who pays for it?</p>
                <p><b>A:</b> We <strong>do</strong>, <a href="/postage">with a label</a>.</p>
                </article>""", "https://shop.example/returns-faq");
        assertEquals("See our guide and our returns page.", post.qa().get(0).answer());
        assertTrue(post.qa().get(0).answerHtml().startsWith("<p>See <a href=\"https://shop.example/guide\">our guide</a> and"),
                post.qa().get(0).answerHtml());
        assertEquals("We do, with a label.", post.qa().get(1).answer());
    }

    @Test
    void an_answer_label_after_a_question_heading_is_not_part_of_the_answer() {
        ParsedPost post = parser.parse("""
                <article><h1>Signing FAQ</h1>
                <h2>Does the signature work?</h2>
                <p>A: See <a href="https://ghost.example/docs">the docs</a>.</p>
                <h2>Is it required?</h2><p>Answer: No.</p>
                </article>""", "https://ghost.example/signing");
        assertEquals("See the docs.", post.qa().get(0).answer());
        assertEquals("No.", post.qa().get(1).answer());
    }

    @Test
    void details_disclosures_are_questions_by_their_summary_whatever_their_punctuation() {
        ParsedPost post = parser.parse("""
                <article><h1>Shipping FAQ</h1><p>Everything about parcels.</p>
                <details><summary>How long does delivery take?</summary><p>Two to three working days.</p></details>
                <details><summary>Shipping abroad</summary><p>We ship to the EU.</p><p>Customs are on us.</p></details>
                </article>""", "https://shop.example/shipping");
        assertEquals(2, post.qa().size());
        assertEquals("Shipping abroad", post.qa().get(1).question());
        assertEquals("We ship to the EU.\n\nCustoms are on us.", post.qa().get(1).answer());
        assertEquals("Everything about parcels.", post.intro());
    }

    @Test
    void accordion_toggles_and_cms_faq_blocks_give_their_questions_even_as_buttons() {
        String bootstrap = """
                <article><h1>Membership FAQ</h1>
                <div class="accordion"><div class="accordion-item"><h2 class="accordion-header">
                <button class="accordion-button" aria-expanded="true">Can I pause my membership?</button></h2>
                <div class="accordion-collapse"><div class="accordion-body"><p>Yes, for up to three months.</p></div></div></div>
                <div class="accordion-item"><h2 class="accordion-header"><button class="accordion-button" aria-expanded="false">Refunds</button></h2>
                <div class="accordion-collapse"><div class="accordion-body"><p>Within 14 days.</p></div></div></div></div></article>""";
        ParsedPost accordion = parser.parse(bootstrap, "https://club.example/faq");
        assertEquals(List.of("Can I pause my membership?", "Refunds"), accordion.qa().stream().map(QaPair::question).toList());
        assertEquals("Within 14 days.", accordion.qa().get(1).answer());

        String yoast = """
                <article><h1>Composting FAQ</h1><div class="schema-faq wp-block-yoast-faq-block">
                <div class="schema-faq-section"><strong class="schema-faq-question">What can go in?</strong> <p class="schema-faq-answer">Peels and leaves.</p></div>
                <div class="schema-faq-section"><strong class="schema-faq-question">What cannot?</strong> <p class="schema-faq-answer">Meat.</p></div>
                </div></article>""";
        assertEquals(List.of("Peels and leaves.", "Meat."), parser.parse(yoast, "https://garden.example/compost").qa().stream()
                .map(QaPair::answer).toList());

        String ghostToggle = """
                <article><h1>Studio FAQ</h1><div class="kg-card kg-toggle-card"><div class="kg-toggle-heading">
                <h4 class="kg-toggle-heading-text">Do you rent the studio by the hour</h4><button class="kg-toggle-card-icon">+</button></div>
                <div class="kg-toggle-content"><p>Yes, from two hours.</p></div></div></article>""";
        ParsedPost ghost = parser.parse(ghostToggle, "https://studio.example/faq");
        assertEquals("Do you rent the studio by the hour", ghost.qa().get(0).question());
        assertEquals("Yes, from two hours.", ghost.qa().get(0).answer());
    }

    @Test
    void chinese_japanese_and_korean_labels_with_full_width_colons_are_labels() {
        ParsedPost zh = parser.parse("<article><h1>常见问题</h1><p>问：营业时间？</p><p>答：每天九点到五点。</p></article>", null);
        assertEquals("营业时间？", zh.qa().get(0).question());
        assertEquals("每天九点到五点。", zh.qa().get(0).answer());
        ParsedPost ja = parser.parse("<article><h1>よくある質問</h1><p>質問：予約は必要ですか？</p><p>回答：いいえ、不要です。</p></article>", null);
        assertEquals("いいえ、不要です。", ja.qa().get(0).answer());
        ParsedPost ko = parser.parse("<article><h1>자주 묻는 질문</h1><p>질문: 주차할 수 있나요?</p><p>답변: 네, 무료입니다.</p></article>", null);
        assertEquals("주차할 수 있나요?", ko.qa().get(0).question());
    }

    @Test
    void the_publication_date_is_read_from_time_elements_microdata_and_meta_date() {
        String wordpress = "<html><body><header><time class=\"entry-date published\" datetime=\"2026-04-03T09:00:00+02:00\">3 April</time>"
                + "<time class=\"updated\" datetime=\"2026-04-05T10:00:00+02:00\">5 April</time></header>"
                + "<article><h1>Dates</h1><p>Q: When?</p><p>A: Now.</p></article></body></html>";
        assertEquals(Instant.parse("2026-04-03T07:00:00Z"), parser.parse(wordpress, null).published());
        String microdata = "<html><body><article><h1>Dates</h1><span itemprop=\"datePublished\" content=\"2026-05-01\">May</span>"
                + "<p>Q: When?</p><p>A: Now.</p></article></body></html>";
        assertEquals(Instant.parse("2026-05-01T00:00:00Z"), parser.parse(microdata, null).published());
        String meta = "<html><head><meta name=\"date\" content=\"2026-06-02T08:00:00Z\"></head><body><article><h1>Dates</h1>"
                + "<p>Q: When?</p><p>A: Now.</p></article></body></html>";
        assertEquals(Instant.parse("2026-06-02T08:00:00Z"), parser.parse(meta, null).published());
    }

    @Test
    void a_numbered_list_of_bold_questions_is_a_list_of_pairs_in_markdown_and_html() {
        String markdown = """
                # Repair café questions

                We get these every month.

                1. **Do I need to book?**

                   No, just walk in.

                   Bring the charger too.

                2. **Is it free?**

                   Yes, donations welcome.
                """;
        ParsedPost md = new MarkdownPostParser().parse(markdown);
        assertEquals(List.of("Do I need to book?", "Is it free?"), md.qa().stream().map(QaPair::question).toList());
        assertEquals("No, just walk in.\n\nBring the charger too.", md.qa().get(0).answer());
        assertEquals("We get these every month.", md.intro());
        ParsedPost html = parser.parse("<article><h1>Café</h1><ol><li><strong>Do I need to book?</strong> No, just walk in.</li>"
                + "<li><strong>Is it free?</strong> Yes.</li></ol></article>", null);
        assertEquals("No, just walk in.", html.qa().get(0).answer());
        ParsedPost plainList = parser.parse("<article><h1>Shopping list</h1><ul><li>Apples</li><li>Pears</li></ul></article>", null);
        assertEquals(0, plainList.qa().size(), "a list that asks nothing stays a list");
        assertTrue(plainList.intro().contains("Apples"), "and its text is kept");
    }

    @Test
    void a_two_column_table_of_questions_and_answers_gives_one_pair_per_row() {
        ParsedPost headed = parser.parse("<article><h1>Pool rules</h1><table><tr><th>Question</th><th>Answer</th></tr>"
                + "<tr><td>Swim caps</td><td>Required.</td></tr><tr><td>Towels</td><td>Bring your own.</td></tr></table></article>", null);
        assertEquals(List.of("Swim caps", "Towels"), headed.qa().stream().map(QaPair::question).toList());
        assertEquals("Bring your own.", headed.qa().get(1).answer());
        ParsedPost asking = parser.parse("<article><h1>Pool</h1><table><tr><td>Is there parking?</td><td>Yes.</td></tr>"
                + "<tr><td>Can kids swim alone?</td><td>From age 12.</td></tr></table></article>", null);
        assertEquals(2, asking.qa().size());
        ParsedPost data = parser.parse("<article><h1>Prices</h1><table><tr><td>Adult</td><td>5</td></tr>"
                + "<tr><td>Child</td><td>3</td></tr></table></article>", null);
        assertEquals(0, data.qa().size(), "a table of data is not a FAQ");
    }
}
