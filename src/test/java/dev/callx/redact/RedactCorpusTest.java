package dev.callx.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recall and false positives of the redactor over the reviewed golden corpus
 * (src/test/resources/redact/corpus.txt; its header says how it is written). A span counts as
 * found only when the redactor reports exactly that span as that kind; anything else it reports
 * is a false positive.
 */
class RedactCorpusTest {

    static final String CORPUS = "/redact/corpus.txt";
    static final double MIN_RECALL = 0.99;
    private static final Pattern MARK = Pattern.compile("\\[\\[(tel|email|card)\\|(.+?)]]");
    private static final Map<String, Kind> KINDS = Map.of("tel", Kind.PHONE, "email", Kind.EMAIL, "card", Kind.CARD);

    record Span(int start, int end, Kind kind) {
    }

    /** One corpus line: the text without markers, the spans to redact, and where it came from. */
    record Line(int number, String section, String text, List<Span> expected, String masked) {
        boolean survive() {
            return section.startsWith("survive");
        }
    }

    static List<Line> lines;

    @BeforeAll
    static void read() throws IOException {
        lines = parse(load());
    }

    static String load() throws IOException {
        try (InputStream in = RedactCorpusTest.class.getResourceAsStream(CORPUS)) {
            assertThat(in).as(CORPUS).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<Line> parse(String corpus) {
        List<Line> out = new ArrayList<>();
        String section = "";
        String[] raw = corpus.split("\n", -1);
        for (int k = 0; k < raw.length; k++) {
            String line = raw[k];
            if (line.startsWith("## ")) {
                section = line.substring(3);
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            StringBuilder masked = new StringBuilder();
            List<Span> spans = new ArrayList<>();
            Matcher m = MARK.matcher(line);
            int at = 0;
            while (m.find()) {
                text.append(line, at, m.start());
                masked.append(line, at, m.start());
                Kind kind = KINDS.get(m.group(1));
                spans.add(new Span(text.length(), text.length() + m.group(2).length(), kind));
                text.append(m.group(2));
                masked.append(kind.mask);
                at = m.end();
            }
            text.append(line.substring(at));
            masked.append(line.substring(at));
            assertThat(text.toString()).as("corpus line %d has a broken marker", k + 1).doesNotContain("[[", "]]");
            out.add(new Line(k + 1, section, text.toString(), List.copyOf(spans), masked.toString()));
        }
        return out;
    }

    @Test
    void theCorpusIsLargeEnoughToMeanSomething() {
        long phones = count(Kind.PHONE);
        assertThat(phones).isGreaterThanOrEqualTo(100);
        assertThat(count(Kind.EMAIL)).isGreaterThanOrEqualTo(15);
        assertThat(count(Kind.CARD)).isGreaterThanOrEqualTo(10);
        assertThat(lines.stream().filter(Line::survive).count()).isGreaterThanOrEqualTo(80);
        assertThat(lines.stream().filter(Line::survive).allMatch(l -> l.expected().isEmpty())).isTrue();
    }

    private static long count(Kind kind) {
        return lines.stream().flatMap(l -> l.expected().stream()).filter(s -> s.kind() == kind).count();
    }

    @Test
    void recallAndFalsePositives() {
        Redactor redactor = Redactor.masking();
        int expected = 0;
        int found = 0;
        List<String> misses = new ArrayList<>();
        List<String> falsePositives = new ArrayList<>();
        List<String> survivorsHit = new ArrayList<>();
        for (Line line : lines) {
            List<Span> reported = new ArrayList<>();
            for (Finding f : redactor.find(line.text(), List.of())) {
                reported.add(new Span(f.start(), f.end(), f.kind()));
            }
            for (Span s : line.expected()) {
                expected++;
                if (reported.contains(s)) {
                    found++;
                } else {
                    misses.add(describe(line, s));
                }
            }
            for (Span s : reported) {
                if (!line.expected().contains(s)) {
                    (line.survive() ? survivorsHit : falsePositives).add(describe(line, s));
                }
            }
        }
        double recall = (double) found / expected;
        int checkedLines = lines.size();
        System.out.printf(Locale.ROOT, "redaction corpus: %d of %d spans found (recall %.2f%%), %d false positives"
                        + " in %d lines (%d of them must-survive lines)%n", found, expected, recall * 100,
                falsePositives.size() + survivorsHit.size(), checkedLines, lines.stream().filter(Line::survive).count());
        misses.forEach(m -> System.out.println("  missed: " + m));
        assertThat(survivorsHit).as("false positives in the must-survive lines").isEmpty();
        assertThat(falsePositives).as("false positives next to the marked spans").isEmpty();
        assertThat(recall).as("recall %d/%d; missed:%n%s", found, expected, String.join("\n", misses))
                .isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    void maskedTextOfEveryLine() {
        Redactor redactor = Redactor.masking();
        List<String> wrong = new ArrayList<>();
        for (Line line : lines) {
            String out = redactor.redactText(line.text());
            if (!out.equals(line.masked())) {
                wrong.add("line " + line.number() + ":\n  expected " + line.masked() + "\n  got      " + out);
            }
        }
        // the same misses as above, seen as text; allowed in the proportion the recall allows
        assertThat(wrong.size()).as(String.join("\n", wrong))
                .isLessThanOrEqualTo((int) Math.floor(lines.stream().mapToInt(l -> l.expected().size()).sum() * (1 - MIN_RECALL)));
    }

    private static String describe(Line line, Span s) {
        return "line " + line.number() + " " + s.kind() + " '" + line.text().substring(s.start(), s.end()) + "' in: "
                + line.text();
    }
}
