package dev.callx.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.export.RunStats;
import dev.callx.http.ApiClient;
import dev.callx.http.FetchPool;
import dev.callx.http.HttpSettings;
import dev.callx.http.Target;
import dev.callx.log.Log;
import dev.callx.log.Secrets;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import dev.callx.testing.Api;
import dev.callx.testing.PlatformServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The per-call transcript stage alone: its requests, what it reads from each answer, and what it counts. */
class TranscriptEnricherTest {
    /** api-docs/vaani-transcript.txt, 200. */
    static final String VAANI_200 = "{\"transcript\": \"AGENT: Hi! You've reached our customer service. ...\\n\\n USER: "
            + "Hello. ...\\n\\n AGENT: ...\", \"status_code\": 200, \"function\": \"get_transcript\"}";
    /** api-docs/vaani-transcript.txt, 404. */
    static final String VAANI_404 = "{\"transcript\": \"Transcript not found in Azure Blob Storage\", \"status_code\": 404, "
            + "\"function\": \"get_transcript\"}";

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    private final FetchPool pool = new FetchPool(4);
    private final RunStats stats = new RunStats();

    @AfterEach
    void close() {
        pool.close();
    }

    private TranscriptEnricher enricher(TranscriptSource.PerCall source) {
        Log log = new Log(new PrintWriter(new StringWriter()), Log.Level.NORMAL, new Secrets(), "test");
        Target target = new Target("Vaani Voice", server.url("/"), Map.of("X-API-Key", "vk-1"), "VAANI_API_KEY", null);
        ApiClient client = new ApiClient(target, new HttpSettings(Duration.ofSeconds(10), 0, Duration.ofSeconds(1),
                false), log, d -> { }, new Random(1), Clock.systemUTC(), pool.throttle());
        return new TranscriptEnricher(source, client, server.url("/"), pool, stats, "Vaani Voice");
    }

    private static final TranscriptSource.PerCall VAANI = new TranscriptSource.PerCall(List.of("api", "transcript"),
            DetailBodies::vaaniTranscript, "transcript");
    private static final TranscriptSource.PerCall RAVAN = new TranscriptSource.PerCall(
            List.of("api", "v1", "calling", "call-sessions-detail"), DetailBodies::ravanSessionDetail, "session detail");

    private static CallRecord record(String id) {
        return new CallRecord(JsonNodeFactory.instance.objectNode()).set(Field.ID, id);
    }

    private CallRecord enrich(TranscriptSource.PerCall source, String id) {
        return FetchPool.await(enricher(source).enrich(record(id)));
    }

    @Test
    void oneGetPerCallUnderTheBaseUrlWithTheCredentialAndTheRenderedTranscript() {
        server.enqueueJson(VAANI_200);
        CallRecord r = enrich(VAANI, "outbound-1776774443-863aa698");
        assertThat(r.get(Field.TRANSCRIPT))
                .isEqualTo("agent: Hi! You've reached our customer service. ...\nuser: Hello. ...\nagent: ...");
        RecordedRequest req = server.takeRequest();
        assertThat(req.getUrl().encodedPath()).isEqualTo("/api/transcript/outbound-1776774443-863aa698");
        assertThat(req.getHeaders().get("X-API-Key")).isEqualTo("vk-1");
        assertThat(stats.counts()).containsExactly(Map.entry(TranscriptEnricher.FETCHED, 1L));
    }

    @Test
    void anIdIsOnePathSegmentEncoded() {
        server.enqueueJson(VAANI_200);
        enrich(VAANI, "a/b?c#d");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/transcript/a%2Fb%3Fc%23d");
    }

    @Test
    void aNotFoundLeavesTheFieldNullAndIsCountedNotAnError() {
        server.enqueue(Api.json(404, VAANI_404));
        CallRecord r = enrich(VAANI, "in-progress");
        assertThat(r.get(Field.TRANSCRIPT)).isNull();
        assertThat(stats.counts()).containsExactly(Map.entry(TranscriptEnricher.NOT_THERE, 1L));
    }

    @Test
    void theSessionDetailsTranscriptsAreRendered() {
        // api-docs/ravan-call-session-detail.txt, with turns
        server.enqueueJson("{\"success\": true, \"message\": \"ok\", \"data\": {\"id\": \"s1\", \"transcripts\": ["
                + "{\"id\": \"t1\", \"message\": {\"role\": \"agent\", \"content\": \"Hello!\"}, \"timestamp_ms\": 1},"
                + "{\"id\": \"t2\", \"message\": {\"role\": \"user\", \"content\": \"Hi,\\nI need help.\"}, \"timestamp_ms\": 2}]}}");
        assertThat(enrich(RAVAN, "s1").get(Field.TRANSCRIPT)).isEqualTo("agent: Hello!\nuser: Hi, I need help.");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/calling/call-sessions-detail/s1");
    }

    @Test
    void aDetailWithoutTurnsIsCountedEmpty() {
        server.enqueueJson("{\"success\": true, \"message\": \"ok\", \"data\": {\"id\": \"s2\", \"transcripts\": []}}");
        assertThat(enrich(RAVAN, "s2").get(Field.TRANSCRIPT)).isNull();
        assertThat(stats.counts()).containsExactly(Map.entry(TranscriptEnricher.EMPTY, 1L));
    }

    @Test
    void aBodyOfAnotherShapeIsExitSevenNamingTheCallAndStatus() {
        server.enqueueJson("{\"text\": \"AGENT: hi\"}");
        assertThatThrownBy(() -> enrich(VAANI, "c9"))
                .isInstanceOfSatisfying(CallxException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_RESPONSE))
                .hasMessage("Vaani Voice answered the transcript of call c9 (HTTP 200) in a shape callx does not know: "
                        + "no string 'transcript' in the body. Check --base-url; the API may have changed");
    }

    @Test
    void aFailureReportedInA200IsExitFive() {
        server.enqueueJson("{\"success\": false, \"message\": \"detail store unavailable\"}");
        assertThatThrownBy(() -> enrich(RAVAN, "s3"))
                .isInstanceOfSatisfying(CallxException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.REJECTED))
                .hasMessageContaining("the session detail of call s3 (HTTP 200)")
                .hasMessageContaining("detail store unavailable");
    }

    @Test
    void aServerErrorThatPersistsEndsTheExportAsAPageWould() {
        server.enqueue(Api.json(500, "{\"detail\": \"boom\"}"));
        assertThatThrownBy(() -> enrich(VAANI, "c10"))
                .isInstanceOfSatisfying(CallxException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.NETWORK))
                .hasMessageContaining("the transcript of call c10");
    }

    @Test
    void anIdThatCannotBeAPathSegmentIsNotAskedFor() {
        for (String id : new String[] {"..", ".", "", " "}) {
            assertThat(enrich(VAANI, id).get(Field.TRANSCRIPT)).isNull();
        }
        assertThat(FetchPool.await(enricher(VAANI).enrich(new CallRecord(JsonNodeFactory.instance.objectNode())))
                .get(Field.TRANSCRIPT)).isNull();
        assertThat(server.requestCount()).isZero();
        assertThat(stats.counts()).containsExactly(Map.entry(TranscriptEnricher.NO_ID, 5L));
    }
}
