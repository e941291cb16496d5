package dev.callx.sandbox;

import java.util.ArrayList;
import java.util.List;

/** The synthetic transcript of an answered call, shared by the platforms that return transcripts. */
final class Conversation {

    /** One turn; {@code offsetMs} is from the start of the call. */
    record Turn(String role, String content, long offsetMs) {
    }

    private Conversation() {
    }

    /** Three to five turns for an answered call, none otherwise. */
    static List<Turn> turns(SyntheticCall c, String agentName) {
        if (!c.outcome().answered()) {
            return List.of();
        }
        Vocabulary.Topic topic = Vocabulary.TOPICS.get(c.topic());
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"agent", c.inbound()
                ? "Hello! Thanks for calling Acme, this is " + agentName + ". How can I help you today?"
                : "Hello! This is " + agentName + " calling from Acme. Is now a good time?"});
        lines.add(new String[] {"user", topic.userLine()});
        lines.add(new String[] {"agent", topic.agentLine()});
        int extra = c.pick(4, 3);
        if (extra >= 1) {
            lines.add(new String[] {"user", "Great, thank you for your help."});
        }
        if (extra >= 2) {
            lines.add(new String[] {"agent", "You're welcome. Have a great day!"});
        }
        long talk = Math.max(1, c.durationMs() - c.answerMs());
        List<Turn> turns = new ArrayList<>(lines.size());
        for (int t = 0; t < lines.size(); t++) {
            turns.add(new Turn(lines.get(t)[0], lines.get(t)[1], c.answerMs() + talk * t / lines.size()));
        }
        return turns;
    }

    /** "Agent: ...\nUser: ..." or null when there was no conversation. */
    static String plainText(SyntheticCall c, String agentName) {
        List<Turn> turns = turns(c, agentName);
        if (turns.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Turn t : turns) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(t.role().equals("agent") ? "Agent: " : "User: ").append(t.content());
        }
        return sb.toString();
    }

    /** The call's summary with names filled in, or the fixed text for calls that did not connect. */
    static String summary(SyntheticCall c, String customerName, String agentName) {
        switch (c.outcome()) {
            case NO_ANSWER:
                return Vocabulary.NO_ANSWER_SUMMARY;
            case FAILED:
                return Vocabulary.FAILED_SUMMARY;
            default:
                return Vocabulary.TOPICS.get(c.topic()).summary()
                        .replace("{name}", customerName).replace("{agent}", agentName);
        }
    }
}
