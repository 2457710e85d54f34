package io.herald.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.events.EnrichedQa;
import io.herald.events.QaPair;
import io.herald.events.RawPost;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A draft's full text is made once for the steps that read it, and made again when a step changes a part of it. */
class DraftTest {

    static Draft draft() {
        return new Draft(RawPost.builder().id("d").source("test").contentType("text/plain").body("").receivedAt(Instant.EPOCH)
                .contentHash("h").title("Garden FAQ").intro("Intro.").qa(List.of(new QaPair("When?", "In May."))).build());
    }

    @Test
    void the_full_text_is_made_once_while_nothing_changes() {
        Draft d = draft();
        String first = d.fullText();
        assertEquals("Garden FAQ\n\nIntro.\n\nWhen?\n\nIn May.", first);
        assertSame(first, d.fullText(), "the steps share one text");
    }

    @Test
    void a_step_that_changes_a_part_gets_the_text_made_again() {
        Draft d = draft();
        String before = d.fullText();
        d.title = "Garden questions";
        assertNotSame(before, d.fullText());
        assertTrue(d.fullText().startsWith("Garden questions"));
        String now = d.fullText();
        d.qa.set(0, new EnrichedQa(null, "When do I sow?", "In May.", null));
        assertTrue(d.fullText().contains("When do I sow?"), "a pair replaced in place is seen too");
        assertNotSame(now, d.fullText());
        d.qa.add(new EnrichedQa(null, "Where?", "Outside.", null));
        assertTrue(d.fullText().endsWith("Where?\n\nOutside."));
    }
}
