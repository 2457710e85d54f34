package io.herald.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.QaPair;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain-text posts: title, intro, every Q&A pair whole, the outro, and nothing of the site around them. */
class PlainTextParserTest {

    private final PlainTextParser parser = new PlainTextParser();

    @Test
    void the_first_line_is_the_title_and_the_text_before_the_first_question_the_intro() {
        ParsedPost post = parser.parse(Fixtures.text("bakery-faq.txt"));
        assertEquals("Ask the Baker: Sourdough Questions Answered", post.title());
        assertTrue(post.intro().startsWith("Last Saturday our head baker"), post.intro());
        assertTrue(post.intro().endsWith("lightly edited."), post.intro());
    }

    @Test
    void multi_paragraph_answers_stay_whole() {
        ParsedPost post = parser.parse(Fixtures.text("bakery-faq.txt"));
        assertEquals(3, post.qa().size());
        assertEquals("Usually the dough was under-proofed. Give it another hour in a warm spot.\n\n"
                + "A poke test helps: a slow spring-back means it is ready.", post.qa().get(1).answer());
    }

    @Test
    void a_closing_note_to_the_reader_is_the_outro_not_part_of_the_last_answer() {
        ParsedPost post = parser.parse(Fixtures.text("bakery-faq.txt"));
        assertEquals("Yes, but add a little more water; whole wheat drinks more of it.", post.qa().get(2).answer());
        assertTrue(post.outro().startsWith("Thanks for all the questions!"), post.outro());
    }

    @Test
    void site_chrome_such_as_back_to_blog_is_dropped() {
        ParsedPost post = parser.parse(Fixtures.text("bakery-faq.txt"));
        assertFalse(post.outro().contains("Back to Blog"), post.outro());
    }

    @Test
    void question_and_answer_labels_are_read_in_full_and_in_dutch() {
        assertEquals(List.of(
                        new QaPair("Welke banden raad je aan?", "Winterbanden met wat meer profiel, en iets minder bandenspanning."),
                        new QaPair("Hoe houd ik mijn ketting schoon?", "Na elke natte rit afvegen en opnieuw smeren.")),
                parser.parse(Fixtures.text("dutch-interview.txt")).qa());
        ParsedPost faq = parser.parse(Fixtures.text("question-answer-labels.txt"));
        assertEquals(2, faq.qa().size());
        assertEquals("Does 4.2 still support the old export format?", faq.qa().get(0).question());
    }

    @Test
    void links_are_found_including_bare_www_links_without_trailing_punctuation() {
        ParsedPost faq = parser.parse(Fixtures.text("question-answer-labels.txt"));
        assertEquals(List.of("https://www.example.org/docs/export", "https://example.org/issues"), faq.links());
    }

    @Test
    void a_post_without_questions_is_still_a_post() {
        ParsedPost post = parser.parse(Fixtures.text("no-questions.txt"));
        assertEquals("Office closed on Friday", post.title());
        assertEquals(0, post.qa().size());
        assertTrue(post.intro().startsWith("Our office is closed"));
        assertNull(post.outro());
    }

    /** Needs the shared corpus ({@code -Dherald.corpus}); skipped, saying so, where it is absent. */
    @Test
    @io.herald.testkit.NeedsCorpus
    void the_shared_webinar_post_has_sixteen_pairs_and_its_youtube_note_is_the_outro() {
        ParsedPost post = parser.parse(Fixtures.corpusText(io.herald.testkit.Corpus.WEBINAR));
        assertEquals("Q&A Emerging Tech of China Webinar", post.title());
        assertEquals(16, post.qa().size());
        for (QaPair pair : post.qa()) {
            assertFalse(pair.question().isBlank());
            assertFalse(pair.answer().isBlank(), pair.question());
            assertFalse(pair.answer().contains("Back to Blog"), pair.question());
        }
        // a second paragraph inside an answer is kept with it
        assertTrue(post.qa().stream().anyMatch(p -> p.answer().contains("\n\nContinuing to encourage green finance")));
        assertTrue(post.outro().startsWith("If you missed the webinar"), post.outro());
        assertTrue(post.links().contains("https://youtu.be/DvmIelnCVJc"), post.links().toString());
    }

    @Test
    void an_interview_transcript_of_speaker_turns_gives_the_interviewers_questions_and_the_answers() {
        ParsedPost post = new PlainTextParser().parse("""
                Five questions for our head baker

                We sat down with Maria before the early shift.

                Interviewer: When does your day start?
                Maria Lopez: At four. The ovens need an hour.
                The first loaves are out by six.

                Interviewer: What is the hardest bread to get right?
                Maria Lopez: Rye. It never behaves the same twice.

                Interviewer: And your favourite?
                Maria Lopez: Whatever is still warm.
                """);
        assertEquals(3, post.qa().size());
        assertEquals("When does your day start?", post.qa().get(0).question());
        assertEquals("At four. The ovens need an hour. The first loaves are out by six.", post.qa().get(0).answer());
        assertEquals("We sat down with Maria before the early shift.", post.intro());
    }

    @Test
    void q_against_a_named_speaker_and_two_alternating_names_are_interviews_too_but_a_stray_note_is_not() {
        ParsedPost q = new PlainTextParser().parse("Talk\n\nQ: Why wood?\nJan: It lasts.\nQ: And oak?\nJan: Oak lasts longest.\n");
        assertEquals(List.of("It lasts.", "Oak lasts longest."), q.qa().stream().map(io.herald.events.QaPair::answer).toList());
        ParsedPost names = new PlainTextParser().parse("Chat\n\nTom: Why bees?\nAnna: They pollinate.\nTom: Honey too?\nAnna: Some.\n");
        assertEquals("Why bees?", names.qa().get(0).question());
        ParsedPost note = new PlainTextParser().parse("Opening hours\n\nWe open at nine.\n\nNote: closed on Sundays.\n");
        assertEquals(0, note.qa().size());
        assertTrue(note.intro().contains("Note: closed on Sundays."), "nothing is lost");
    }
}
