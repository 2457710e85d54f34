package io.herald.ingest;

import java.util.regex.Pattern;

/**
 * How much a line of text reads as a question, from cues that do not depend on the form it was
 * written in: a question mark at its end (Latin {@code ?}, full-width {@code ？}, Arabic {@code ؟}) or
 * a Spanish {@code ¿} at its start, a question label, or an interrogative word where each language
 * puts one (English, Dutch, German, French, Spanish, Portuguese, Italian, Swedish, Polish, Turkish,
 * Russian and Ukrainian at the start; Chinese, Japanese and Korean anywhere or at the end; Arabic and
 * Hebrew at the start). And whether a title or heading calls its document or section an FAQ, and
 * whether a heading is one of the informational ones that FAQs put between their questions.
 *
 * <p>Every pattern here is anchored or bounded and free of nested repetition: each line is read in
 * one pass, whatever it holds.
 */
final class Cues {

    /** How a line reads. */
    enum Cue {
        /** Nothing of a question. */
        NONE,
        /** An interrogative word without the punctuation: "How to reset my password". */
        OPENER,
        /** A question by its punctuation or its label. */
        STRONG;

        boolean asks() {
            return this != NONE;
        }
    }

    /** What may close a line after its question mark: quotes, brackets, emphasis, an ellipsis. */
    private static final String TRAILING = "\"'”’»）)]*_`.…";
    private static final Pattern LEADING = Pattern.compile("^[\\s\\p{Punct}\\d.]++");

    private static final Pattern LATIN_OPENER = Pattern.compile("(?iu)^(?:"
            // English
            + "how|what|what's|why|when|where|who|whom|whose|which|can|could|do|does|did|is|are|was|were|will|would|should|"
            + "shall|may|might|must|have|has|am|isn't|aren't|don't|doesn't|didn't|can't|cannot|won't|shouldn't|"
            // Dutch
            + "hoe|wat|waarom|wanneer|waar|wie|welke|kan|kun|kunt|mag|moet|zijn|heb|hebben|"
            // German
            + "wie|was|warum|wieso|weshalb|wann|wo|woher|wohin|wer|welche|welcher|welches|welchen|kann|können|ist|sind|gibt|"
            + "muss|müssen|soll|sollte|darf|hat|habe|wird|werden|brauche|"
            // French
            + "comment|pourquoi|quand|où|qui|que|qu'est-ce|quel|quelle|quels|quelles|est-ce|combien|puis-je|peut-on|"
            + "dois-je|faut-il|existe-t-il|y a-t-il|"
            // Spanish and Portuguese
            + "cómo|como|qué|por qué|cuándo|dónde|quién|cuál|cuáles|cuánto|puedo|o que|por que|quando|onde|quem|qual|posso|"
            // Italian
            + "perché|dove|chi|quale|cosa|"
            // Swedish, Polish, Turkish
            + "hur|vad|varför|när|vem|jak|dlaczego|czy|co|kiedy|gdzie|nasıl|neden|nerede|"
            // Russian, Ukrainian
            + "как|что|почему|зачем|когда|где|кто|какой|какая|какое|какие|можно|сколько|чем|що|чому|коли|де|хто|"
            // Arabic, Hebrew
            + "هل|كيف|ماذا|لماذا|متى|أين|ما|ما هو|ما هي|أي|كم|האם|איך|כיצד|מה|למה|מדוע|מתי|איפה|היכן|מי|איזה|כמה"
            + ")(?=[\\s\\p{Punct}]|$)");
    /** Russian's question particle sits after the word it asks about: "Нужен ли ...". */
    private static final Pattern RUSSIAN_PARTICLE = Pattern.compile("(?iu)\\s(?:ли|чи)(?=[\\s,]|$)");
    private static final Pattern CJK_ASKING = Pattern.compile(
            // Chinese
            "如何|怎么|怎样|怎麼|为什么|為什麼|为何|為何|什么|什麼|是否|能否|可否|哪些|哪个|哪裡|哪里|多少|有没有|吗$|嗎$|呢$"
            // Japanese
            + "|なぜ|どうやって|どうすれば|どうして|どのよう|どの|どこ|いつ|何が|何を|何で|だれ|誰|ですか$|ますか$|でしょうか$|ませんか$"
            // Korean
            + "|어떻게|왜|무엇|뭔가|언제|어디|누구|어느|무슨|까요$|나요$|가요$|습니까$|니까$|는지$|할까$");
    private static final Pattern FAQ_NAME = Pattern.compile("(?iu)(?:^|[^\\p{L}])(?:faqs?|f\\.a\\.q\\.?|q\\s?&\\s?a|"
            + "frequently asked|frequently answered|common questions|questions and answers|troubleshooting|veelgestelde vragen|veel gestelde vragen|häufig gestellte|"
            + "häufige fragen|fragen und antworten|fehlerbehebung|foire aux questions|questions fréquentes|dépannage|"
            + "preguntas frecuentes|solución de problemas|perguntas frequentes|domande frequenti|vanliga frågor|"
            + "частые вопросы|часто задаваемые|вопросы и ответы|الأسئلة الشائعة|أسئلة شائعة|שאלות נפוצות|שאלות ותשובות)"
            + "(?:$|[^\\p{L}])|常见问题|常見問題|问答|问题集|问题解答|疑难|よくある|質問集|トラブルシューティング|자주 묻는|문제 해결");
    private static final Pattern INFORMATIONAL = Pattern.compile("(?iu)(?:^|[\\s–—:-])(?:(?:more|further|additional) "
            + "(?:information|reading|resources|help)|see also|related|references|resources|conclusion|summary|introduction|"
            + "overview|contents|table of contents|weitere informationen|mehr informationen|siehe auch|fazit|zusammenfassung|"
            + "plus d'informations|voir aussi|más información|ver también|meer informatie|zie ook|参考|相关|更多信息|"
            + "関連|参考資料|더 알아보기|참고)\\s*$");

    private Cues() {
    }

    /** A heading's text without a trailing Markdown attribute ({@code {#anchor}}, {@code {.class}}). */
    static String withoutAttribute(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end == 0 || text.charAt(end - 1) != '}') {
            return text;
        }
        // The brace that opens it, within 200 characters and with no brace between.
        int open = -1;
        for (int i = end - 2; i >= 0 && i >= end - 204; i--) {
            char c = text.charAt(i);
            if (c == '{') {
                open = i;
                break;
            }
            if (c == '}') {
                return text;
            }
        }
        if (open < 0) {
            return text;
        }
        int first = open + 1;
        while (first < end && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        if (first >= end || "#.:".indexOf(text.charAt(first)) < 0) {
            return text;
        }
        int cut = open;
        while (cut > 0 && Character.isWhitespace(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut);
    }

    private static String withoutTrailing(String t) {
        int end = t.length();
        while (end > 0 && (Character.isWhitespace(t.charAt(end - 1)) || TRAILING.indexOf(t.charAt(end - 1)) >= 0)) {
            end--;
        }
        return t.substring(0, end);
    }

    static Cue of(String text) {
        if (text == null || text.length() > 600) {
            return Cue.NONE;
        }
        String t = withoutAttribute(text).strip();
        if (t.isEmpty() || t.length() > 400) {
            return Cue.NONE;
        }
        if (Labels.isQuestion(t) || t.startsWith("¿")) {
            return Cue.STRONG;
        }
        String end = withoutTrailing(t);
        if (!end.isEmpty()) {
            char last = end.charAt(end.length() - 1);
            if (last == '?' || last == '？' || last == '؟') {
                return Cue.STRONG;
            }
        }
        String plain = LEADING.matcher(end).replaceFirst("");
        if (LATIN_OPENER.matcher(plain).find() || RUSSIAN_PARTICLE.matcher(plain).find() || CJK_ASKING.matcher(plain).find()) {
            return Cue.OPENER;
        }
        return Cue.NONE;
    }

    /**
     * Whether a question label that comes before the question above it was answered joins that question
     * ("Q3a: ... Q3b: ..." over one answer): yes when it asks, or when the one above does not; else it
     * does not ask where the one above does, and is that question's answer, mislabelled.
     */
    static boolean joinsUnanswered(String next, String unansweredStart) {
        return of(next).asks() || !of(unansweredStart).asks();
    }

    /** Whether a title or heading names its document or section an FAQ (or a list of problems and solutions). */
    static boolean namesFaq(String text) {
        return text != null && text.length() <= 200 && FAQ_NAME.matcher(text).find();
    }

    /** "More information", "See also", "Conclusion": a heading that is no question even among questions. */
    static boolean informational(String text) {
        return text != null && INFORMATIONAL.matcher(withoutAttribute(text).strip()).find()
                || Boilerplate.startsOutro(text == null ? "" : text);
    }
}
