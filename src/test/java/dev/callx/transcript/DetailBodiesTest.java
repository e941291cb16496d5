package dev.callx.transcript;

import static dev.callx.transcript.TranscriptsTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bodies from api-docs/vaani-transcript.txt and api-docs/ravan-call-session-detail.txt. */
class DetailBodiesTest {

    @Test
    void vaaniDocBody() throws Exception {
        String body = "{'transcript':'AGENT: Hi! You\\u0027ve reached our customer service. ...\\n\\n USER: Hello. ...\\n\\n AGENT: ...',"
                + "'status_code':200,'function':'get_transcript'}";
        assertThat(DetailBodies.vaaniTranscript(json(body)))
                .isEqualTo("agent: Hi! You've reached our customer service. ...\nuser: Hello. ...\nagent: ...");
    }

    @Test
    void vaaniNotGeneratedYetBodyIsNull() throws Exception {
        String body = "{'transcript':'Transcript not found in Azure Blob Storage','status_code':404,'function':'get_transcript'}";
        assertThat(DetailBodies.vaaniTranscript(json(body))).isNull();
    }

    @Test
    void vaaniWithoutStatusCodeIsReadToo() throws Exception {
        assertThat(DetailBodies.vaaniTranscript(json("{'transcript':'USER: hi'}"))).isEqualTo("user: hi");
        assertThat(DetailBodies.vaaniTranscript(json("{'transcript':'','status_code':200}"))).isNull();
    }

    @Test
    void vaaniFailureInA200Answer() throws Exception {
        assertThatThrownBy(() -> DetailBodies.vaaniTranscript(json("{'transcript':'storage timeout','status_code':500}")))
                .isInstanceOfSatisfying(UnexpectedBodyException.class, e -> {
                    assertThat(e.reportedFailure()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("status_code 500: storage timeout");
                });
    }

    @Test
    void vaaniWrongShapes() throws Exception {
        for (String body : new String[] {"[]", "{'status_code':200}", "{'transcript':42,'status_code':200}",
                "{'transcript':'x','status_code':'ok'}", "'text'"}) {
            assertThatThrownBy(() -> DetailBodies.vaaniTranscript(json(body))).as(body)
                    .isInstanceOfSatisfying(UnexpectedBodyException.class, e -> assertThat(e.reportedFailure()).isFalse());
        }
        assertThatThrownBy(() -> DetailBodies.vaaniTranscript(null)).isInstanceOf(UnexpectedBodyException.class);
    }

    @Test
    void ravanDetailBody() throws Exception {
        String body = "{'success':true,'message':'call session retrieved','data':{'id':'550e8400-e29b-41d4-a716-446655440000',"
                + "'caller_number':'+14155550100','summary':'s','metadata':{},'cost_total':'12.50','transcripts':["
                + "{'id':'t1','message':{'role':'agent','content':'Hello!'},'timestamp_ms':1765437000123},"
                + "{'id':'t2','message':{'role':'user','content':'Hi,\\nI need help.'},'timestamp_ms':1765437002000}]}}";
        assertThat(DetailBodies.ravanSessionDetail(json(body))).isEqualTo("agent: Hello!\nuser: Hi, I need help.");
    }

    @Test
    void ravanDetailWithoutTranscriptsIsNull() throws Exception {
        assertThat(DetailBodies.ravanSessionDetail(json("{'success':true,'data':{'id':'a','transcripts':[]}}"))).isNull();
        assertThat(DetailBodies.ravanSessionDetail(json("{'success':true,'data':{'id':'a','transcripts':null}}"))).isNull();
        assertThat(DetailBodies.ravanSessionDetail(json("{'success':true,'data':{'id':'a'}}"))).isNull();
    }

    @Test
    void ravanReportedFailure() throws Exception {
        assertThatThrownBy(() -> DetailBodies.ravanSessionDetail(json("{'success':false,'message':'session not found'}")))
                .isInstanceOfSatisfying(UnexpectedBodyException.class, e -> {
                    assertThat(e.reportedFailure()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("success: false: session not found");
                });
    }

    @Test
    void ravanWrongShapes() throws Exception {
        for (String body : new String[] {"[]", "{'success':true}", "{'success':true,'data':[]}", "{'data':'x'}"}) {
            assertThatThrownBy(() -> DetailBodies.ravanSessionDetail(json(body))).as(body)
                    .isInstanceOfSatisfying(UnexpectedBodyException.class, e -> assertThat(e.reportedFailure()).isFalse());
        }
    }
}
