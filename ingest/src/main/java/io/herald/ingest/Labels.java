package io.herald.ingest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels people put before questions and answers, in the languages marketing teams here
 * write: English, Dutch, German, French, Spanish, Chinese, Japanese, Korean and Arabic (س: and ج:). "Q1:", "Q 1:" and "Q3a:" count; a label needs its
 * colon, so a sentence that merely starts with "A" is not an answer. The runs of white space and digits
 * are possessive: a line of a label and ten thousand spaces is refused in one pass, not in a pass per space.
 */
public final class Labels {

    private static final Pattern QUESTION = Pattern.compile(
            "(?iu)^\\s*+(?:Q|Question|Vraag|V|Frage|Pregunta|问|問|提问|質問|질문|س|سؤال|السؤال)\\s*+(?:\\d{1,3}+[a-z]?+)?\\s*+[:：]\\s*");
    private static final Pattern ANSWER = Pattern.compile(
            "(?iu)^\\s*+(?:A|Answer|Antwoord|Antwort|Réponse|Reponse|Respuesta|答|回答|答え|답변|답|ج|جواب|الجواب)\\s*+(?:\\d{1,3}+[a-z]?+)?\\s*+[:：]\\s*");

    private Labels() {
    }

    /** The text after a question label, if the line starts with one. */
    public static Optional<String> question(String line) {
        return after(QUESTION, line);
    }

    /** The text after an answer label, if the line starts with one. */
    public static Optional<String> answer(String line) {
        return after(ANSWER, line);
    }

    public static boolean isQuestion(String line) {
        return QUESTION.matcher(line).find();
    }

    public static boolean isAnswer(String line) {
        return ANSWER.matcher(line).find();
    }

    private static Optional<String> after(Pattern label, String line) {
        Matcher m = label.matcher(line);
        return m.find() ? Optional.of(line.substring(m.end()).strip()) : Optional.empty();
    }
}
