package io.herald.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.Entity;
import io.herald.transform.steps.DetectLanguage;
import io.herald.transform.steps.Entities;
import io.herald.transform.steps.NormalizeText;
import io.herald.transform.steps.SanitizeHtml;
import io.herald.transform.steps.Summary;
import io.herald.transform.steps.Tags;
import io.herald.transform.steps.Urls;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each normalization and enrichment step on its own, on inputs written for it. */
class StepsTest {

    @Test
    void plain_text_fields_lose_all_markup_but_keep_their_words_and_paragraphs() {
        assertEquals("Is this bold?", NormalizeText.plain("Is <b>this</b> bold?"));
        assertEquals("Hi there", NormalizeText.plain("Hi <script>alert(1)</script> there"), "script content is not text");
        assertEquals("First.\n\nSecond & last.", NormalizeText.plain("<p>First.</p>\n\n<p>Second &amp; last.</p>"));
        assertEquals("3 < 4 and 5 > 2", NormalizeText.plain("3 < 4 and 5 > 2"), "a lone < is text, not markup");
        assertNull(NormalizeText.plain("  "));
        assertEquals("Hi x", NormalizeText.plain("Hi <b>x</b>&lt;script&gt;alert(1)&lt;/script&gt;"),
                "entity-encoded markup is decoded and removed too, script and all");
    }

    @Test
    void sanitized_html_keeps_formatting_and_drops_everything_that_can_run() {
        String html = SanitizeHtml.sanitize("<p onclick=\"steal()\">Hi <strong>there</strong></p>"
                + "<script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>"
                + "<svg><script>alert(3)</script></svg><img src=\"x\" onerror=\"alert(4)\">"
                + "<style>p{}</style><ul><li>one</li></ul>", "https://site.example/post/");
        assertTrue(html.contains("<p>Hi <strong>there</strong></p>"), html);
        assertTrue(html.contains("<ul><li>one</li></ul>"), html);
        for (String bad : List.of("onclick", "script", "javascript:", "svg", "onerror", "style", "alert")) {
            assertFalse(html.toLowerCase().contains(bad), bad + " survived: " + html);
        }
    }

    @Test
    void a_youtube_embed_becomes_a_link_and_other_frames_go() {
        String html = SanitizeHtml.sanitize("<iframe src=\"https://www.youtube.com/embed/DvmIelnCVJc\"></iframe>"
                + "<iframe src=\"https://ads.example/frame\"></iframe>", null);
        assertTrue(html.contains("href=\"https://www.youtube.com/watch?v=DvmIelnCVJc\""), html);
        assertFalse(html.contains("iframe"), html);
    }

    @Test
    void relative_links_become_absolute_and_lose_tracking_parameters() {
        String html = SanitizeHtml.sanitize("<a href=\"/guide?utm_source=mail&amp;page=2&amp;fbclid=abc\">guide</a>"
                + "<img src=\"img/a.png\" alt=\"A\">", "https://site.example/blog/post");
        assertTrue(html.contains("href=\"https://site.example/guide?page=2\""), html);
        assertTrue(html.contains("src=\"https://site.example/blog/img/a.png\""), html);
        assertTrue(html.contains("rel=\"nofollow noopener\""), html);
    }

    @Test
    void entity_encoded_script_is_removed_from_answer_html_as_from_plain_text() {
        String html = SanitizeHtml.sanitize("<p>Before &lt;script&gt;alert(1)&lt;/script&gt; after, <a href=\"https://e.org\">a link</a>.</p>", null);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("&lt;script"), "a reader that decodes once more meets no script either: " + html);
        assertTrue(html.contains("Before") && html.contains("after") && html.contains(">a link</a>"), html);
    }

    @Test
    void a_plain_text_answer_gets_paragraphs_and_lists_as_html() {
        assertEquals("<p>Two things:</p><ul><li>a &amp; b</li><li>c</li></ul>", SanitizeHtml.fromText("Two things:\n\n- a & b\n- c"));
    }

    @Test
    void tracking_parameters_are_stripped_and_others_kept() {
        assertEquals("https://e.org/p?id=7#top", Urls.clean("https://e.org/p?utm_source=x&id=7&ref=tw&gclid=1#top"));
        assertEquals("https://e.org/p", Urls.clean("https://e.org/p?utm_medium=social&fbclid=9"));
        assertEquals("https://e.org/p?refresh=1", Urls.clean("https://e.org/p?refresh=1"));
    }

    @Test
    void the_language_is_detected_from_the_text() {
        assertEquals("en", DetectLanguage.detect("What should I check before I buy solar panels for the roof of my house?"));
        assertEquals("nl", DetectLanguage.detect("Wanneer gaat de bibliotheek weer open en is er dan ook een studieruimte?"));
        assertEquals("de", DetectLanguage.detect("Wie lange dauert die Lieferung nach Deutschland und was kostet der Versand?"));
        assertEquals("und", DetectLanguage.detect(""));
    }

    @Test
    void chinese_japanese_and_korean_posts_get_their_language() {
        assertTrue(DetectLanguage.detect("社区花园几点开门？早上八点开门，可以带狗，但是请牵绳。").startsWith("zh"));
        assertEquals("ja", DetectLanguage.detect("図書館では何冊借りられますか？十冊まで借りることができます。延長は一回だけです。"));
        assertEquals("ko", DetectLanguage.detect("체육관은 몇 시에 여나요? 아침 여섯 시에 엽니다. 샤워실도 있습니다."));
    }

    @Test
    void the_language_is_read_from_the_prose_and_not_from_the_code_urls_and_identifiers_around_it() {
        String chinese = "如何安装命令行工具？\n\n运行下面的命令即可安装，安装完成后请重启终端。\n\n"
                + "npm install --save-dev @example/cli-tool\nconst config = require('./config.json'); module.exports = { plugins: [] };\n"
                + "See https://example.com/docs/install?lang=en for the English guide and set EXAMPLE_HOME=/opt/example.\n"
                + "export PATH=$PATH:/opt/example/bin && example-cli --version --verbose --config ./example.config.js\n"
                + "example-cli init --template default --force";
        assertEquals("zh", DetectLanguage.detect(chinese));
        String russian = "Как изменить язык сообщений?\n\nУкажите нужный язык в файле настроек и перезапустите сервер.\n\n"
                + "{ \"language\": \"en\", \"diagnostics\": { \"computeTrigger\": \"onSave\" } }\n"
                + "java -jar server.jar --config ./settings.json --analyze --srcDir ./src/main/java\n"
                + "The default is ru; use en for English diagnostics in your IDE settings.";
        assertEquals("ru", DetectLanguage.detect(russian));
        assertEquals("ko", DetectLanguage.detect("Markdown Block에서 HTML을 사용할 수 있나요? 네, HTML tag를 그대로 쓰면 됩니다. "
                + "<div class=\"note\">example</div> Query Block과 함께 표시할 수도 있어요."));
        assertEquals("ja", DetectLanguage.detect("Helm repository を追加すると Error: Repo \"https://charts.example.com\" is no longer "
                + "available と表示される場合は helm repo remove stable を実行してください。"));
    }

    @Test
    void entities_come_from_the_gazetteer_and_from_capitalization() {
        List<Entity> found = Entities.find("Our colleague Anna de Vries met the CEO Ravi Shah in Rotterdam. "
                + "The Green Transition Plan and Smart Cities 2030 were discussed with Acme Holdings Inc. "
                + "and the Ministry of Finance; the US and the EU agreed. Read more on northwind.", List.of("https://northwind.example/x"));
        List<String> names = found.stream().map(Entity::name).toList();
        assertTrue(found.contains(new Entity("Rotterdam", "place")), names.toString());
        assertTrue(found.contains(new Entity("United States", "place")), names.toString());
        assertTrue(found.contains(new Entity("European Union", "organization")), names.toString());
        assertTrue(found.contains(new Entity("Ravi Shah", "person")), names.toString());
        assertTrue(found.contains(new Entity("Green Transition Plan", "program")), names.toString());
        assertTrue(found.contains(new Entity("Smart Cities 2030", "program")), names.toString());
        assertTrue(found.contains(new Entity("Acme Holdings Inc", "organization")), names.toString());
        assertTrue(found.contains(new Entity("Ministry of Finance", "organization")), names.toString());
        assertTrue(found.contains(new Entity("Anna de Vries", "person")), names.toString());
    }

    @Test
    void lower_case_words_are_not_mistaken_for_names() {
        List<String> names = Entities.find("Tell us about the apple harvest and the china cups.", List.of())
                .stream().map(Entity::name).toList();
        assertFalse(names.contains("United States"), names.toString());
        assertFalse(names.contains("China"), names.toString());
        assertFalse(names.contains("Apple"), names.toString());
    }

    @Test
    void tags_are_the_post_s_own_as_written_de_duplicated_in_any_case_and_mapped_through_synonyms_then_key_phrases() {
        List<String> tags = Tags.tags(List.of("AI", "Artificial Intelligence", " #Events ", "events"),
                List.of("Solar panels on the roof", "How do solar panels handle snow? Solar panels shed snow quickly.",
                        "Do solar panels need cleaning? Rain cleans solar panels well enough."));
        assertEquals("artificial intelligence", tags.get(0), "a variant becomes the tag the synonyms name");
        assertEquals("Events", tags.get(1), "the author's spelling, once");
        assertTrue(tags.contains("solar panels"), tags.toString());
        assertEquals(tags.size(), tags.stream().distinct().count());
    }

    /** Issue 27, item 4: auto-tags are suggestions a marketer decides on, so the enriched post says which they are. */
    @Test
    void the_tags_herald_found_are_marked_as_suggestions_and_the_authors_never_are() {
        List<String> own = List.of("AI", "3D printing");
        List<String> tags = Tags.tags(own, List.of("Solar panels on the roof", "How do solar panels handle snow? Solar panels shed snow quickly.",
                "Do solar panels need cleaning? Rain cleans solar panels well enough."));
        List<String> auto = Tags.autoTags(own, tags);
        assertTrue(auto.contains("solar panels"), auto.toString());
        assertFalse(auto.contains("artificial intelligence"), "the author's AI, mapped by the synonyms, is still the author's: " + auto);
        assertFalse(auto.contains("3D printing"), auto.toString());
        assertEquals(tags.subList(tags.size() - auto.size(), tags.size()), auto, "suggestions follow the author's tags, in order");
    }

    /** Issue 27, item 4: the author's "3D printing" was lower-cased on every feed, page and hashtag. */
    @Test
    void an_authors_tag_keeps_its_spelling() {
        assertEquals(List.of("3D printing", "NASA"), Tags.tags(List.of("3D printing", "NASA"), List.of()).subList(0, 2));
    }

    /**
     * Issue 27, item 9: the summary stitched sentences from unrelated answers ("…land in spam. Start with
     * your most engaged readers…") and repeated one. It is what the post is, then the questions it answers.
     */
    @Test
    void a_q_and_a_posts_summary_is_what_it_is_then_the_questions_it_answers_whole_within_160_characters() {
        String intro = "Our newsletter team answered questions from small shops about email marketing. Here we go!";
        List<String> questions = List.of("Why do my emails land in spam?", "Who should get the first campaign?",
                "How often should we send?", "Can we buy a mailing list?");
        List<String> answers = List.of(
                "Without SPF and DKIM records, many messages land in spam. Set both up before the first send.",
                "Start with your most engaged readers, the ones who opened something in the last three months.",
                "Once a week is plenty for most shops; more often and unsubscribes climb.",
                "No. Bought lists are full of traps that land your emails in spam.");
        String summary = Summary.summarize("Email marketing Q&A", intro, questions, answers, "en");
        assertTrue(summary.startsWith("Our newsletter team answered questions from small shops about email marketing. "), summary);
        assertTrue(summary.codePointCount(0, summary.length()) <= 160, summary.length() + ": " + summary);
        assertFalse(summary.contains("land in spam. Start with"), "no answers stitched together: " + summary);
        assertFalse(summary.contains("Here we go"), summary);
        String rest = summary.substring(summary.indexOf("marketing. ") + "marketing. ".length());
        for (String part : rest.split("(?<=\\?) ")) {
            assertTrue(questions.contains(part), "only whole questions after the lead: " + part);
        }
        List<String> order = questions.stream().filter(summary::contains).toList();
        assertTrue(order.size() >= 1, summary);
        assertEquals(order, questions.stream().filter(order::contains).toList(), "in the post's order");
    }

    @Test
    void the_summary_never_says_a_sentence_twice_and_never_repeats_the_title() {
        String summary = Summary.summarize("Opening hours", "Opening hours. Opening hours. We are open on weekdays from nine to five and on Saturdays.",
                List.of("Are you open on Sundays?", "Are you open on Sundays?"), List.of("No.", "No."), "en");
        assertEquals("We are open on weekdays from nine to five and on Saturdays. Are you open on Sundays?", summary);
    }

    @Test
    void without_an_intro_the_summary_is_the_questions_and_without_questions_one_sentence_that_fits() {
        assertEquals("토마토는 언제 심나요? 물은 얼마나 자주 주나요?", Summary.summarize("텃밭 질문", null,
                List.of("토마토는 언제 심나요?", "물은 얼마나 자주 주나요?"), List.of("오월 초가 좋습니다.", "일주일에 두 번이면 충분합니다."), "ko"));
        String summary = Summary.summarize("Notes", null, List.of("Parking", "Deliveries"),
                List.of("Visitors park in bays ten to fourteen behind the main building, next to the bike shed.",
                        "Deliveries come to the loading door on the north side before ten in the morning."), "en");
        assertTrue(summary.endsWith(".") && summary.length() <= 160 && !summary.contains(". "), "one whole sentence: " + summary);
    }
}
