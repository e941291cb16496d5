package dev.callx.provider;

import static dev.callx.provider.ErrorMessagesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.provider.ravan.CallSessionsEndpoint;
import dev.callx.provider.ravan.ContactCallsEndpoint;
import dev.callx.provider.ravan.PhoneHistoryEndpoint;
import dev.callx.provider.vaani.VaaniCallHistoryEndpoint;
import dev.callx.provider.zudu.ZuduCallsEndpoint;
import dev.callx.transcript.TranscriptSource;
import dev.callx.transcript.TranscriptSource.PerCall;
import org.junit.jupiter.api.Test;

/**
 * Where --transcripts finds each endpoint's transcripts (SPEC section 10): inline for phone-history
 * and Zudu; Vaani's /api/transcript/{call_id}; Ravan's /api/v1/calling/call-sessions-detail/{id}
 * for sessions and contact calls. Rendered as "role: content" lines.
 */
class TranscriptSourcesTest {
    /** api-docs/ravan-call-session-detail.txt, cut to its transcript. */
    private static final String RAVAN_DETAIL = "{'success':true,'message':'ok','data':{'id':'s1','transcripts':["
            + "{'id':'t1','message':{'role':'agent','content':'Hello!'},'timestamp_ms':1765437000123}]}}";

    private static void assertSessionDetail(TranscriptSource source) throws Exception {
        assertThat(source).isInstanceOfSatisfying(PerCall.class, perCall -> {
            assertThat(perCall.prefix()).containsExactly("api", "v1", "calling", "call-sessions-detail");
            assertThat(perCall.what()).isEqualTo("session detail");
        });
        assertThat(((PerCall) source).reader().apply(json(RAVAN_DETAIL))).isEqualTo("agent: Hello!");
    }

    @Test
    void sessionsFetchEachCallsSessionDetail() throws Exception {
        assertSessionDetail(new CallSessionsEndpoint(CallSessionsEndpoint.Filters.NONE).transcripts());
    }

    @Test
    void contactCallsFetchEachCallsSessionDetail() throws Exception {
        assertSessionDetail(new ContactCallsEndpoint("c-42").transcripts());
    }

    @Test
    void vaaniFetchesEachCallsTranscript() throws Exception {
        TranscriptSource source = new VaaniCallHistoryEndpoint().transcripts();
        assertThat(source).isInstanceOfSatisfying(PerCall.class, perCall -> {
            assertThat(perCall.prefix()).containsExactly("api", "transcript");
            assertThat(perCall.what()).isEqualTo("transcript");
        });
        // api-docs/vaani-transcript.txt: one text with "AGENT:" / "USER:" turns
        assertThat(((PerCall) source).reader().apply(json("{'transcript':'AGENT: Hi!\\n\\n USER: Hello.','status_code':200}")))
                .isEqualTo("agent: Hi!\nuser: Hello.");
    }

    @Test
    void phoneHistoryHasItsTranscriptsInTheList() {
        assertThat(new PhoneHistoryEndpoint("+14155550100", true).transcripts()).isEqualTo(TranscriptSource.IN_LIST);
    }

    @Test
    void zuduHasItsTranscriptsInTheList() {
        assertThat(new ZuduCallsEndpoint(null, null).transcripts()).isEqualTo(TranscriptSource.IN_LIST);
    }
}
