package io.herald.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.transform.steps.Tags;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, item 8: tags are topics a reader would follow. The tags marketers found on their feeds
 * ("start", "percent", "ja", "euros", "december", "team owns", "customers finish", "ten minutes",
 * "three steps", "있나요", "list", "order", and "3d printers" beside "3d printing") never come back.
 */
class TopicTagsTest {

    static final List<String> PRINT_SHOP = List.of(
            "3D printing for small workshops: our December Q&A",
            "Our team owns four 3D printers and answered your questions about 3D printing. Start here.",
            "How long does a print take?\nAbout ten minutes for a small part; our 3D printers run all night in December. "
                    + "Start with PLA filament, 20 percent infill is enough.",
            "What does it cost?\nAbout 12 euros per part. The team owns the order list; customers finish the order in three steps.",
            "Which filament do you use?\nPLA filament for most parts, PETG filament for outdoor parts. Our 3D printing service "
                    + "keeps a list of colours. Start the order in three steps; customers finish it online in ten minutes.",
            "Can I bring my own file?\nYes, ja, any STL file. The team owns the 3D printers, and customers finish the order "
                    + "list in December. It takes ten minutes, three steps, five percent of the price in euros.");

    @Test
    void numbers_units_currencies_months_language_codes_verbs_and_fragments_are_never_tags_and_near_duplicates_merge() {
        List<String> tags = Tags.tags(List.of(), PRINT_SHOP, "en");
        for (String junk : List.of("start", "percent", "ja", "euros", "december", "team owns", "customers finish", "ten minutes",
                "three steps", "list", "order")) {
            assertFalse(tags.stream().anyMatch(t -> t.equalsIgnoreCase(junk)), junk + " in " + tags);
        }
        assertEquals(1, tags.stream().filter(t -> t.toLowerCase().startsWith("3d print")).count(), "one of 3D printing and 3D printers: " + tags);
        assertTrue(tags.stream().anyMatch(t -> t.toLowerCase().contains("filament")), tags.toString());
        assertTrue(tags.size() <= 5, "a handful: " + tags);
    }

    @Test
    void a_korean_verb_ending_is_never_a_tag_and_particles_come_off_a_noun() {
        List<String> texts = List.of("주말 텃밭 질문과 답변",
                "텃밭에서 토마토를 키울 수 있나요?\n네, 텃밭에서 토마토를 키울 수 있나요 하고 많이 물어보십니다. 토마토는 오월에 심습니다.",
                "텃밭에 물은 얼마나 자주 주나요?\n토마토는 일주일에 두 번 물을 줍니다. 텃밭 흙이 마르면 더 줍니다.",
                "퇴비는 있나요?\n텃밭 입구에 퇴비가 있습니다. 토마토에 좋습니다.");
        List<String> tags = Tags.tags(List.of(), texts, "ko");
        assertFalse(tags.stream().anyMatch(t -> t.endsWith("있나요") || t.endsWith("나요") || t.endsWith("니다")), tags.toString());
        assertTrue(tags.contains("텃밭") && tags.contains("토마토"), "nouns without their particles: " + tags);
    }

    @Test
    void in_german_and_french_function_words_and_modal_verbs_are_never_tags() {
        List<String> de = Tags.tags(List.of(), List.of("Fragen zum Balkonkraftwerk",
                "Kann ich ein Balkonkraftwerk selbst anschließen?\nJa, ein Balkonkraftwerk kann man selbst anschließen. Das Balkonkraftwerk braucht eine Steckdose.",
                "Muss ich das Balkonkraftwerk anmelden?\nJa, das Balkonkraftwerk muss man beim Netzbetreiber anmelden. Der Netzbetreiber ist schnell.",
                "Wie viel Strom liefert ein Balkonkraftwerk?\nEin Balkonkraftwerk liefert im Jahr etwa 600 Kilowattstunden, im Dezember wenig."), "de");
        assertFalse(de.stream().anyMatch(t -> Set.of("ja", "kann", "muss", "dezember", "das").contains(t.toLowerCase())), de.toString());
        assertTrue(de.contains("Balkonkraftwerk"), de.toString());
        List<String> fr = Tags.tags(List.of(), List.of("Questions sur le compost",
                "Est-ce que je peux composter les agrumes ?\nOui, est-ce que vous avez un bac à compost ? Le bac à compost accepte les agrumes.",
                "Est-ce que le bac à compost sent mauvais ?\nNon, un bac à compost bien aéré ne sent rien. Pour en savoir plus, lisez le guide.",
                "Où mettre le bac à compost ?\nÀ l'ombre. Pour en savoir plus sur le bac à compost, demandez à la mairie."), "fr");
        assertFalse(fr.stream().anyMatch(t -> Set.of("oui", "est-ce", "savoir plus", "non").contains(t.toLowerCase())), fr.toString());
        assertTrue(fr.stream().anyMatch(t -> t.contains("compost")), fr.toString());
    }

    @Test
    void a_phrase_ending_in_a_noun_that_says_nothing_and_an_identifier_from_code_are_no_topics() {
        List<String> tags = Tags.tags(List.of(), List.of("Widget library questions",
                "Who maintains it?\nThe Zephyr project has a core team. The Zephyr project takes pull requests.",
                "Where do popups render?\nUse the getPopupContainer prop. The getPopupContainer prop takes a function.",
                "Is it free?\nThe Zephyr project is free. Read about the getPopupContainer prop in the docs."), "en");
        assertFalse(tags.stream().anyMatch(t -> t.toLowerCase().contains("getpopupcontainer") || t.toLowerCase().endsWith(" project")),
                tags.toString());
    }
}
