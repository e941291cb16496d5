package dev.callx.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The state file's reading, without the CLI: what callx wrote reads back the same, and a file that
 * is not exactly what callx writes is refused with where and why ("saved state should never be
 * invalid": callx never acts on a state it does not fully understand).
 */
class StateJsonTest {
    private static final ExportKey KEY = new ExportKey("calls", "zudu", "https://api.zudu.ai/", List.of("status=done"));
    private static final Instant MARK = Instant.parse("2026-11-21T09:00:00Z");

    private static final String EXPORT = "{\"command\": \"calls\", \"platform\": \"zudu\", "
            + "\"base_url\": \"https://api.zudu.ai/\", \"filters\": [], \"high_water_mark\": \"2026-11-21T09:00:00Z\", "
            + "\"seen_from\": \"2026-11-21T08:00:00Z\", \"seen\": [{\"id\": \"c1\", \"started_at\": \"2026-11-21T08:30:00Z\"}], "
            + "\"updated_at\": \"2026-11-21T12:00:00Z\"%s}";

    private static String file(String exportExtra) {
        return "{\"format\": \"callx-state\", \"version\": 1, \"exports\": [" + EXPORT.formatted(exportExtra) + "]}";
    }

    @Test
    void whatCallxWritesReadsBackTheSame() throws Exception {
        ExportState state = new ExportState(KEY, MARK, MARK.minusSeconds(3600),
                List.of(new ExportState.Seen("c1", MARK.minusSeconds(60)), new ExportState.Seen("c2", MARK)),
                MARK.plusSeconds(60), 42);
        ExportState fresh = ExportState.fresh(new ExportKey("vaani", "vaani", "https://x/", List.of()));
        assertThat(StateJson.read(StateJson.write(List.of(state, fresh)))).containsExactly(state, fresh);
    }

    @Test
    void lastRunWrittenIsANumberOrAbsent() throws Exception {
        assertThat(StateJson.read(file("")).get(0).lastWritten()).isZero();
        assertThat(StateJson.read(file(", \"last_run_written\": null")).get(0).lastWritten()).isZero();
        assertThat(StateJson.read(file(", \"last_run_written\": 7")).get(0).lastWritten()).isEqualTo(7);
        invalid(file(", \"last_run_written\": \"7\""), "exports[0].last_run_written is not a number");
        invalid(file(", \"last_run_written\": 7.5"), "exports[0].last_run_written is not a number");
    }

    @Test
    void aFieldCallxDoesNotKnowIsRefusedWhereverItIs() {
        invalid(file(", \"cursor\": 3"), "it has a field callx does not know: exports[0].cursor");
        invalid(file("").replace("\"started_at\": \"2026-11-21T08:30:00Z\"",
                "\"started_at\": \"2026-11-21T08:30:00Z\", \"page\": 2"),
                "it has a field callx does not know: exports[0].seen[].page");
    }

    @Test
    void idsRememberedWithoutAHighWaterMarkAreRefused() {
        invalid(file("").replace("\"high_water_mark\": \"2026-11-21T09:00:00Z\"", "\"high_water_mark\": null"),
                "exports[0] remembers calls but has no high_water_mark");
    }

    @Test
    void aTimeThatIsNotIsoIsQuotedShortAndBrokenJsonNamesItsLine() {
        invalid(file("").replace("2026-11-21T09:00:00Z", "tomorrow"),
                "exports[0].high_water_mark is not an ISO 8601 UTC time: 'tomorrow'");
        String long41 = "x".repeat(41);
        invalid(file("").replace("2026-11-21T09:00:00Z", long41),
                "exports[0].high_water_mark is not an ISO 8601 UTC time: '" + "x".repeat(40) + "\u2026'");
        invalid(file("").replace("2026-11-21T09:00:00Z", "x".repeat(40)),
                "exports[0].high_water_mark is not an ISO 8601 UTC time: '" + "x".repeat(40) + "'");
        invalid("{\n\"format\": \"callx-state\",\n\"version\": 1,,\n}", "it is not valid JSON at line 3");
    }

    private static void invalid(String text, String message) {
        assertThatThrownBy(() -> StateJson.read(text)).isInstanceOf(StateJson.Invalid.class).hasMessage(message);
    }
}
