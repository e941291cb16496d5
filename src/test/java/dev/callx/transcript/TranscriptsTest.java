package dev.callx.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected renderings are written out by hand from the platform docs' examples and the package's rules. */
class TranscriptsTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void ravanPhoneHistoryDocExample() throws Exception {
        // api-docs/ravan-phone-history.txt, the transcripts of the example call
        JsonNode transcripts = json("[{'id':'7c9e6679-7425-40de-944b-e07fc1f90ae7',"
                + "'call_session_id':'550e8400-e29b-41d4-a716-446655440000',"
                + "'message':{'role':'agent','content':'Hello!'},'timestamp_ms':1765437000123,"
                + "'created_at':'2026-06-11T09:30:01Z'}]");
        assertThat(Transcripts.turns(transcripts)).isEqualTo("agent: Hello!");
    }

    @Test
    void vaaniDocExampleIsOneLinePerTurn() {
        // api-docs/vaani-transcript.txt: turns separated by blank lines, the later labels after a space
        String body = "AGENT: Hi! You've reached our customer service. ...\n\n USER: Hello. ...\n\n AGENT: ...";
        assertThat(Transcripts.labelled(body)).isEqualTo(
                "agent: Hi! You've reached our customer service. ...\nuser: Hello. ...\nagent: ...");
    }

    @Test
    void theSameConversationRendersTheSameOnEveryPlatform() throws Exception {
        String expected = "agent: Hello! This is Support Agent calling from Acme.\n"
                + "user: Hi, I have a question about my bill.\n"
                + "agent: Sure, let me pull up your account.";
        JsonNode ravan = json("[{'message':{'role':'agent','content':'Hello! This is Support Agent calling from Acme.'}},"
                + "{'message':{'role':'user','content':'Hi, I have a question about my bill.'}},"
                + "{'message':{'role':'agent','content':'Sure, let me pull up your account.'}}]");
        String vaani = "AGENT: Hello! This is Support Agent calling from Acme.\n\n USER: Hi, I have a question about"
                + " my bill.\n\n AGENT: Sure, let me pull up your account.";
        JsonNode zuduText = json("{'transcript':'Agent: Hello! This is Support Agent calling from Acme.\\n"
                + "User: Hi, I have a question about my bill.\\nAgent: Sure, let me pull up your account.\\n',"
                + "'transcript_object':[]}");
        JsonNode zuduObjects = json("{'transcript':'ignored when there are turn objects',"
                + "'transcript_object':[{'role':'agent','content':'Hello! This is Support Agent calling from Acme.',"
                + "'words':[]},{'role':'user','content':'Hi, I have a question about my bill.'},"
                + "{'role':'agent','content':'Sure, let me pull up your account.'}]}");
        assertThat(List.of(Transcripts.turns(ravan), Transcripts.labelled(vaani), Transcripts.zudu(zuduText),
                Transcripts.zudu(zuduObjects))).containsOnly(expected);
    }

    @Test
    void zuduDocExampleHasNoSpeakerAndIsOneUnknownTurn() throws Exception {
        // api-docs/calls-list.txt: a transcript without speaker labels
        JsonNode call = json("{'transcript':'Hello, I\\u0027m calling about my recent order. Thank you for your help!',"
                + "'transcript_object':[],'transcript_with_tool_calls':[]}");
        assertThat(Transcripts.zudu(call))
                .isEqualTo("unknown: Hello, I'm calling about my recent order. Thank you for your help!");
    }

    @Test
    void zuduWithoutTranscriptIsNull() throws Exception {
        assertThat(Transcripts.zudu(json("{'transcript':null,'transcript_object':[]}"))).isNull();
        assertThat(Transcripts.zudu(json("{'call_id':'c1'}"))).isNull();
        assertThat(Transcripts.zudu(json("{'transcript':'   \\n  ','transcript_object':[]}"))).isNull();
    }

    @Test
    void rolesAreLowerCaseWithSynonymsMerged() {
        List<Turn> turns = Arrays.asList(new Turn("ASSISTANT", "a"), new Turn("Bot", "b"), new Turn("model", "c"),
                new Turn("Customer", "d"), new Turn("HUMAN", "e"), new Turn("caller", "f"), new Turn("function", "g"),
                new Turn("System", "h"), new Turn(null, "i"), new Turn("  ", "j"), new Turn("Sales Rep:", "k"),
                new Turn("Agent", "l"), new Turn("USER", "m"));
        assertThat(Transcripts.render(turns)).isEqualTo(String.join("\n", "agent: a", "agent: b", "agent: c",
                "user: d", "user: e", "user: f", "tool: g", "system: h", "unknown: i", "unknown: j", "sales_rep_: k",
                "agent: l", "user: m"));
    }

    @Test
    void aTurnNeverSpansTwoLinesAndEmptyTurnsAreLeftOut() {
        List<Turn> turns = Arrays.asList(new Turn("agent", "  Line one\r\n  line two \n\n line three "),
                new Turn("user", ""), new Turn("user", "   "), new Turn("agent", null), new Turn("user", "ok\u2028fine"));
        assertThat(Transcripts.render(turns)).isEqualTo("agent: Line one line two line three\nuser: ok fine");
    }

    @Test
    void noTurnIsNullNeverEmpty() throws Exception {
        assertThat(Transcripts.render(List.of())).isNull();
        assertThat(Transcripts.render(List.of(new Turn("agent", " ")))).isNull();
        assertThat(Transcripts.turns(json("[]"))).isNull();
        assertThat(Transcripts.turns(null)).isNull();
        assertThat(Transcripts.turns(json("null"))).isNull();
        assertThat(Transcripts.turns(json("[{'message':{'role':'agent'}}]"))).isNull();
        assertThat(Transcripts.labelled("")).isNull();
        assertThat(Transcripts.labelled(null)).isNull();
        assertThat(Transcripts.labelled("AGENT:\n\nUSER:   ")).isNull();
    }

    @Test
    void turnArraysAcceptFlatEntriesAndContentParts() throws Exception {
        JsonNode transcripts = json("[{'role':'user','content':'flat entry'},"
                + "{'message':{'role':'assistant','content':[{'type':'text','text':'part one'},"
                + "{'type':'text','text':'part two'}]}},"
                + "{'message':{'role':'tool','content':{'result':42}}},"
                + "{'message':{'role':'agent','content':7}}]");
        assertThat(Transcripts.turns(transcripts)).isEqualTo(
                "user: flat entry\nagent: part one part two\ntool: {\"result\":42}\nagent: 7");
    }

    @Test
    void aStringWhereTheArrayShouldBeIsReadAsLabelledText() throws Exception {
        assertThat(Transcripts.turns(json("'User: hi\\nAgent: hello'"))).isEqualTo("user: hi\nagent: hello");
    }

    @Test
    void unlabelledLinesContinueTheTurnBeforeThem() {
        String text = "Preamble without a speaker\nsecond preamble line\n"
                + "AGENT: Your order ships on 2026-11-01.\nNote: it is a weekend.\n"
                + "user : Thanks!\nagent:no space after the colon";
        assertThat(Transcripts.labelled(text)).isEqualTo("unknown: Preamble without a speaker\n"
                + "unknown: second preamble line\n"
                + "agent: Your order ships on 2026-11-01. Note: it is a weekend.\n"
                + "user: Thanks!\n"
                + "agent: no space after the colon");
    }

    @Test
    void aLabelIsOnlyAtTheStartOfALine() {
        assertThat(Transcripts.labelled("AGENT: say 'user: yes' to confirm")).isEqualTo("agent: say 'user: yes' to confirm");
    }
}
