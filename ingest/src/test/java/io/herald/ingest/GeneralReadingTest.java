package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.QaPair;
import io.herald.events.RawPost;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The general reading of structure (issue 24), one test per defect real documents showed, each on a
 * form of our own writing in {@code forms/}: which questions are read, with which answers, and what is
 * not taken for a question.
 */
class GeneralReadingTest {

    private final Intake intake = new Intake(Clock.systemUTC(), Intake.DEFAULT_MAX_BYTES, new PostLedger());

    private RawPost read(String form) {
        String ext = form.substring(form.lastIndexOf('.') + 1);
        return intake.accept(Fixtures.text("forms/" + form).getBytes(StandardCharsets.UTF_8), Intake.TYPES_BY_EXTENSION.get(ext),
                "inbox:" + form).post();
    }

    private static List<String> questions(RawPost post) {
        return post.qa().stream().map(QaPair::question).toList();
    }

    @Test
    void headings_with_an_anchor_attribute_and_a_full_width_question_mark_are_questions_without_the_attribute() {
        RawPost post = read("33-heading-attributes.md");
        assertEquals(List.of("如何预订自行车？", "可以带孩子吗？", "下雨天怎么办？"), questions(post));
        assertEquals("可以，我们有儿童座椅，需要提前说明。", post.qa().get(1).answer());
    }

    @Test
    void questions_under_grouping_headings_are_read_and_the_groups_are_no_part_of_any_answer() {
        RawPost post = read("34-grouped-headings.md");
        assertEquals(4, post.qa().size());
        assertEquals("Monthly and yearly passes are sold at the harbour office.", post.qa().get(1).answer());
        assertFalse(post.qa().stream().anyMatch(p -> p.answer().contains("Travelling")), "a group heading leaked into an answer");
    }

    @Test
    void raw_html_heading_blocks_in_markdown_are_questions() {
        assertEquals(List.of("Which paper weights do you stock?", "Do I get a proof before printing?"),
                questions(read("35-raw-html-headings.md")));
    }

    @Test
    void a_linked_table_of_contents_is_neither_questions_nor_intro_and_the_headings_it_links_to_are_the_questions() {
        RawPost post = read("36-contents-then-headings.md");
        assertEquals(List.of("How do I get a plot?", "What does a plot cost?", "Can I keep chickens?"), questions(post));
        assertNull(post.intro(), "the contents list is no intro");
    }

    @Test
    void a_docs_sidebar_an_on_this_page_box_and_a_description_that_repeat_the_page_are_not_read_again() {
        RawPost post = read("37-docs-sidebar.html");
        assertEquals(List.of("How often does it sync?", "Does it work offline?", "Is there a size limit?"), questions(post));
        assertEquals("Single files up to 50 GB.", post.qa().get(2).answer());
        assertNull(post.intro(), "the page's description, shown above the questions, repeats the first answer: no intro");
        assertEquals("Every five minutes, and at once when a file changes.", post.qa().get(0).answer());
    }

    @Test
    void sphinx_and_mkdocs_pages_give_their_pairs_without_permalink_signs_or_navigation() {
        RawPost sphinx = read("38-sphinx.html");
        assertEquals(List.of("How do I calibrate the sensor?", "Why are readings missing at night?", "Can I export to CSV?"),
                questions(sphinx));
        assertTrue(sphinx.qa().get(1).answer().contains("$ station battery"), sphinx.qa().get(1).answer());
        RawPost mkdocs = read("39-mkdocs.html");
        assertEquals(List.of("Can I import recipes?", "Does it scale quantities?", "Where is my data kept?"), questions(mkdocs));
        assertFalse(mkdocs.qa().stream().anyMatch(p -> p.answer().contains("¶") || p.answer().contains("Made with care")));
    }

    @Test
    void every_label_of_a_checkbox_accordion_is_a_question_answered_by_its_panel() {
        RawPost post = read("40-checkbox-accordion.html");
        assertEquals(List.of("Do I need a swimming cap?", "Are there lanes for training?", "Opening hours", "Can I bring a guest?"),
                questions(post));
        assertEquals("Seven to ten, every day.", post.qa().get(2).answer());
    }

    @Test
    void several_question_terms_over_one_definition_are_one_pair_without_their_labels() {
        RawPost post = read("41-dl-several-questions.html");
        assertEquals(List.of("Can I pay by card? Can I pay by phone?", "Do you send invoices?"), questions(post));
        assertEquals("Both: every card and phone wallet is taken.", post.qa().get(0).answer());
    }

    @Test
    void a_question_heading_whose_answer_restates_it_with_labels_is_one_pair() {
        RawPost post = read("42-headings-restating-labels.html");
        assertEquals(List.of("Can you fix my coffee machine?", "Do I have to pay?"), questions(post));
        assertEquals("Repairs are free; parts are at cost.", post.qa().get(1).answer());
    }

    @Test
    void numbered_plain_text_questions_that_wrap_or_state_a_problem_are_each_a_pair() {
        RawPost post = read("43-numbered-wrapping.txt");
        assertEquals("CAMPSITE - QUESTIONS WE HEAR OFTEN", post.title());
        assertEquals(List.of("We arrive after the reception closes. Where do we find our pitch number?",
                "Are campfires allowed on the pitches?", "The shower token does not work in the new block.",
                "Can we leave a day later than booked if the weather is bad?"), questions(post));
    }

    @Test
    void a_plain_text_post_whose_first_line_is_a_banner_is_titled_by_its_first_meaningful_line() {
        RawPost post = read("44-banner-title.txt");
        assertEquals("Bakery pre-orders", post.title());
        assertEquals(2, post.qa().size());
    }

    @Test
    void chinese_labels_on_consecutive_lines_without_blank_lines_are_pairs() {
        RawPost post = read("45-chinese-consecutive.md");
        assertEquals(List.of("一次可以借几本书？", "可以续借吗？", "逾期怎么办？"), questions(post));
        assertEquals("最多十本。", post.qa().get(0).answer());
    }

    @Test
    void rhetorical_questions_inside_answers_stay_in_their_answers() {
        RawPost post = read("46-rhetorical.md");
        assertEquals(List.of("Do I need my own suit?", "How long is the course?", "What does it cost?"), questions(post));
        assertTrue(post.qa().get(0).answer().contains("Is it dangerous?"), post.qa().get(0).answer());
    }

    @Test
    void in_an_faq_that_states_its_problems_each_statement_is_a_question_and_see_also_is_not() {
        RawPost post = read("47-statements-faq.md");
        assertEquals(List.of("The sensor blinks red", "The app shows the door open while it is closed", "Alerts arrive late"),
                questions(post));
    }

    @Test
    void only_the_faq_section_of_a_guide_gives_pairs() {
        assertEquals(List.of("Printing two labels at once", "Labels come out blank"), questions(read("55-faq-section-in-guide.md")));
    }

    @Test
    void lists_of_questions_that_are_not_answered_here_give_no_pairs() {
        for (String trap : List.of("56-declined-questions.md", "57-questions-link-elsewhere.md", "58-code-block-faq.md")) {
            assertEquals(List.of(), read(trap).qa(), trap);
        }
    }

    @Test
    void org_outlines_and_restructured_text_are_read_as_structure() {
        RawPost org = read("48-org-outline.org");
        assertEquals("Choir FAQ", org.title());
        assertEquals(List.of("Do I need to read music?", "When are rehearsals?", "Is there a fee?"), questions(org));
        assertEquals("Thirty euros a season.", org.qa().get(2).answer(), "the drawer is no part of the answer");
        RawPost rst = read("50-rst-definitions.rst");
        assertEquals(List.of("... thread the bobbin?", "... sew stretch fabric?", "... clean the feed dogs?"), questions(rst));
    }

    @Test
    void an_org_link_reads_as_its_description_and_stray_brackets_before_it_stay_as_written() {
        String org = "#+TITLE: Garden FAQ\n* Where is the map?\n** Notes [[[[ then [[https://example.org/map][the site map]].\n"
                + "* Who waters the beds?\n** The [[https://example.org/rota]] decides.\n";
        RawPost post = intake.accept(org.getBytes(StandardCharsets.UTF_8), "text/plain", "inbox:garden.org").post();
        assertEquals(List.of("Where is the map?", "Who waters the beds?"), questions(post));
        assertEquals("Notes [[[[ then the site map.", post.qa().get(0).answer());
        assertEquals("The https://example.org/rota decides.", post.qa().get(1).answer());
    }

    @Test
    void schema_org_microdata_gives_its_pairs() {
        RawPost post = read("51-microdata.html");
        assertEquals(List.of("Can I take photos?", "Is there a cloakroom?"), questions(post));
        assertEquals("By the entrance, free of charge.", post.qa().get(1).answer());
    }

    @Test
    void json_front_matter_gives_the_title_and_date() {
        RawPost post = read("52-json-front-matter.md");
        assertEquals("Häufige Fragen zum Carsharing", post.title());
        assertEquals(Instant.parse("2026-03-02T00:00:00Z"), post.published());
        assertEquals(2, post.qa().size());
    }

    @Test
    void a_jekyll_date_with_a_numeric_offset_is_a_date() {
        assertEquals(Instant.parse("2025-09-19T05:40:00Z"), Dates.parse("2025-09-19 13:40:00 +0800").orElseThrow());
        assertEquals(Instant.parse("2025-09-19T05:40:00Z"), Dates.parse("2025-09-19 13:40 +08:00").orElseThrow());
    }

    @Test
    void a_template_page_without_a_title_is_titled_by_its_first_question_and_keeps_it_as_a_pair() {
        RawPost post = read("53-no-title-template.html");
        assertEquals("Can I change my delivery day?", post.title());
        assertEquals(List.of("Can I change my delivery day?", "Do you deliver to offices?"), questions(post));
        assertFalse(post.qa().get(0).answer().contains("{%"), post.qa().get(0).answer());
    }

    @Test
    void a_post_with_text_but_no_title_anywhere_is_titled_by_its_file_name() {
        byte[] body = "<p>Bring your own cup.</p>".getBytes(StandardCharsets.UTF_8);
        assertEquals("Bring your own cup.", intake.accept(body, "text/html", "http").post().title());
        byte[] nothing = "<p>&nbsp;</p><img src=x.png>".getBytes(StandardCharsets.UTF_8);
        assertEquals("cafe rules", intake.accept(nothing, "text/html", "inbox:cafe-rules.html").post().title());
    }

    @Test
    void a_divs_question_and_answer_labels_give_pairs() {
        RawPost post = read("54-question-label-divs.html");
        assertEquals(List.of("How do I reset my password?", "Who can see my tickets?"), questions(post));
        assertEquals("Use the link on the sign-in page.", post.qa().get(0).answer());
    }

    @Test
    void markdown_definition_lists_are_pairs_whose_answers_keep_their_paragraphs() {
        RawPost post = read("63-markdown-definition-list.md");
        assertEquals(List.of("How long can I keep a tool?", "Do I pay a deposit?", "What if I break something?"), questions(post));
        assertEquals("One week. Renew it at the counter if nobody is waiting.\n\nPower tools go out for three days only.",
                post.qa().get(0).answer());
    }

    @Test
    void an_accordions_icons_are_not_part_of_its_questions_and_more_questions_closes_an_faq() {
        assertEquals(List.of("Do I need my own mat?", "Which class suits beginners?"), questions(read("64-icon-toggle.html")));
        RawPost closing = read("65-more-questions-closing.md");
        assertEquals(List.of("How do I join?", "Can I suggest a film?"), questions(closing));
    }

    @Test
    void questions_in_arabic_russian_korean_and_japanese_are_read_by_their_own_cues() {
        assertEquals(List.of("متى يفتح النادي؟", "هل توجد مواقف للسيارات؟"), questions(read("59-arabic.md")));
        assertEquals(List.of("Как забронировать лодку", "Нужны ли права на управление"), questions(read("60-russian.md")));
        assertEquals(List.of("재료는 따로 준비해야 하나요", "수업을 미룰 수 있나요"), questions(read("61-korean.md")));
        assertEquals(List.of("一人でも参加できますか", "エプロンは必要ですか？"), questions(read("62-japanese-headings.md")));
    }
}
