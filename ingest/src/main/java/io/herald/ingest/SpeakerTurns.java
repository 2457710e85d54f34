package io.herald.ingest;

import io.herald.events.QaPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An interview written as a transcript: speaker turns ("Interviewer: ...", "Maria Lopez: ...", or "Q:"
 * against a named speaker). The interviewer's turns are the questions and the other speaker's the
 * answers; lines without a speaker continue the turn before them. The interviewer is the speaker named
 * Interviewer, Q, Host or Moderator, else whoever speaks first. It is an interview only when two (or
 * three) speakers take at least four turns, mostly alternating, so a stray "Note:" is not a speaker.
 */
final class SpeakerTurns {

    /** What was found: paragraphs before the first turn, the pairs. */
    record Interview(List<String> intro, List<QaPair> pairs) {
    }

    private static final Pattern SPEAKER = Pattern.compile(
            "^\\s*([\\p{Lu}][\\p{L}.'’-]{0,30}(?:\\s+[\\p{Lu}][\\p{L}.'’-]{0,30}){0,2})\\s*[:：]\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Set<String> INTERVIEWERS = Set.of("interviewer", "q", "host", "moderator", "interviewster", "question");

    private record Turn(String speaker, List<String> paragraphs) {
    }

    private SpeakerTurns() {
    }

    /** @param paragraphs the post's paragraphs (or lines), in order, after its title */
    static Optional<Interview> find(List<String> paragraphs) {
        List<String> intro = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        for (String p : paragraphs) {
            Matcher m = SPEAKER.matcher(p);
            if (m.matches()) {
                turns.add(new Turn(m.group(1).strip(), new ArrayList<>(List.of(m.group(2).strip()))));
            } else if (turns.isEmpty()) {
                intro.add(p);
            } else {
                turns.get(turns.size() - 1).paragraphs().add(p);
            }
        }
        Map<String, Integer> bySpeaker = new LinkedHashMap<>();
        turns.forEach(t -> bySpeaker.merge(t.speaker(), 1, Integer::sum));
        if (turns.size() < 4 || bySpeaker.size() < 2 || bySpeaker.size() > 3) {
            return Optional.empty();
        }
        String interviewer = bySpeaker.keySet().stream().filter(s -> INTERVIEWERS.contains(s.toLowerCase(Locale.ROOT)))
                .findFirst().orElse(turns.get(0).speaker());
        int alternations = 0;
        for (int i = 1; i < turns.size(); i++) {
            if (turns.get(i).speaker().equals(interviewer) != turns.get(i - 1).speaker().equals(interviewer)) {
                alternations++;
            }
        }
        if (alternations < (turns.size() - 1) * 0.6) {
            return Optional.empty();
        }
        List<QaPair> pairs = new ArrayList<>();
        String question = null;
        List<String> answer = new ArrayList<>();
        for (Turn t : turns) {
            if (t.speaker().equals(interviewer)) {
                if (question != null) {
                    pairs.add(new QaPair(question, String.join("\n\n", answer)));
                    answer.clear();
                    question = String.join(" ", t.paragraphs());
                } else if (pairs.isEmpty() && question == null) {
                    question = String.join(" ", t.paragraphs());
                }
            } else if (question == null) {
                intro.addAll(t.paragraphs()); // someone speaks before the first question: an introduction
            } else {
                answer.addAll(t.paragraphs());
            }
        }
        if (question != null) {
            pairs.add(new QaPair(question, String.join("\n\n", answer)));
        }
        return pairs.size() < 2 ? Optional.empty() : Optional.of(new Interview(intro, pairs));
    }
}
