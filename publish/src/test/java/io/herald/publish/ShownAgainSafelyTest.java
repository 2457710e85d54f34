package io.herald.publish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A stored newsletter is sanitized again where it is shown, and served sandboxed. */
class ShownAgainSafelyTest {

    @Test
    void a_stored_newsletter_with_script_is_shown_without_it() {
        String stored = "<!doctype html><html><head><meta charset=\"utf-8\"><base href=\"https://evil.example/\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"></head><body style=\"margin:0\">"
                + "<h1 onclick=\"steal()\">Q&amp;A</h1><script>steal()</script><a href=\"javascript:steal()\">x</a>"
                + "<a href=\"https://example.org/post\" style=\"color:#06c\">Read</a><iframe src=\"https://evil.example\"></iframe>"
                + "<img src=\"data:text/html,<script>1</script>\"><form action=\"https://evil.example\"><input></form></body></html>";
        String shown = Html.sanitizeDocument(stored);
        for (String bad : new String[]{"<script", "onclick", "javascript:", "<iframe", "<base", "http-equiv", "data:text", "<form"}) {
            assertFalse(shown.contains(bad), bad + " in " + shown);
        }
        assertTrue(shown.contains("https://example.org/post") && shown.contains("color:#06c") && shown.contains("Q&amp;A"), shown);
        assertTrue(Html.SANDBOX_CSP.startsWith("sandbox") && Html.SANDBOX_CSP.contains("default-src 'none'"));
    }
}
