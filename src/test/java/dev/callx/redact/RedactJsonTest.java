package dev.callx.redact;

import static dev.callx.redact.RedactorTextTest.EMAIL_JANE;
import static dev.callx.redact.RedactorTextTest.KEY;
import static dev.callx.redact.RedactorTextTest.NAME_DOE;
import static dev.callx.redact.RedactorTextTest.NAME_JANE;
import static dev.callx.redact.RedactorTextTest.NAME_JANE_DOE;
import static dev.callx.redact.RedactorTextTest.TEL_14155550100;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.record.Json;
import org.junit.jupiter.api.Test;

/** {@code --raw}: a platform's record redacted as JSON. Expected trees are written out by hand. */
class RedactJsonTest {

    static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void ravanPhoneHistoryRecordMasked() throws Exception {
        // the example call of api-docs/ravan-phone-history.txt, with personal data in its free text
        JsonNode raw = json("{'id':'550e8400-e29b-41d4-a716-446655440000',"
                + "'agent_id':'8f14e45f-ceea-467f-a1d1-91ad4fb0e6c4','agent_name':'Support Agent',"
                + "'caller_number':'+14155550100','callee_number':'+919876543210','caller_name':'Jane Doe',"
                + "'caller_email':'jane@example.com','summary':'Jane Doe asked to be called at 415-555-0199.',"
                + "'recording_url':'https://api.example.com/api/v1/calling/sessions/550e8400-e29b-41d4-a716-446655440000/recording',"
                + "'duration_sec':250,'cost_total':'12.50','call_latency_ms':820,'error_message':'',"
                + "'post_call_analysis_result':{'sentiment':'positive'},'metadata':{'source':'crm','alt_phone':'020 7946 0958'},"
                + "'started_at':'2026-06-11T09:30:00Z','transcripts':[{'id':'7c9e6679-7425-40de-944b-e07fc1f90ae7',"
                + "'message':{'role':'user','content':'Hi, this is Jane, my email is jane@example.com'},"
                + "'timestamp_ms':1765437000123}]}");
        String before = raw.toString();
        JsonNode out = Redactor.masking().redact(raw);
        assertThat(out).isEqualTo(json("{'id':'550e8400-e29b-41d4-a716-446655440000',"
                + "'agent_id':'8f14e45f-ceea-467f-a1d1-91ad4fb0e6c4','agent_name':'Support Agent',"
                + "'caller_number':'[phone]','callee_number':'[phone]','caller_name':'[name]',"
                + "'caller_email':'[email]','summary':'[name] asked to be called at [phone].',"
                + "'recording_url':'https://api.example.com/api/v1/calling/sessions/550e8400-e29b-41d4-a716-446655440000/recording',"
                + "'duration_sec':250,'cost_total':'12.50','call_latency_ms':820,'error_message':'',"
                + "'post_call_analysis_result':{'sentiment':'positive'},'metadata':{'source':'crm','alt_phone':'[phone]'},"
                + "'started_at':'2026-06-11T09:30:00Z','transcripts':[{'id':'7c9e6679-7425-40de-944b-e07fc1f90ae7',"
                + "'message':{'role':'user','content':'Hi, this is [name], my email is [email]'},"
                + "'timestamp_ms':1765437000123}]}"));
        assertThat(raw.toString()).as("the input is not changed").isEqualTo(before);
    }

    @Test
    void keyedTokensMatchAcrossFieldsAndText() throws Exception {
        JsonNode raw = json("{'callerNumber':'+1 (415) 555-0100','callerName':'Jane Doe','callerEmail':'Jane.Doe@example.com',"
                + "'summary':'JANE DOE (+14155550100, jane.doe@example.com); Doe is her surname, Jane her first name.'}");
        JsonNode out = new Redactor(KEY).redact(raw);
        assertThat(out.get("callerNumber").textValue()).isEqualTo(TEL_14155550100);
        assertThat(out.get("callerName").textValue()).isEqualTo(NAME_JANE_DOE);
        assertThat(out.get("callerEmail").textValue()).isEqualTo(EMAIL_JANE);
        assertThat(out.get("summary").textValue()).isEqualTo(NAME_JANE_DOE + " (" + TEL_14155550100 + ", " + EMAIL_JANE
                + "); " + NAME_DOE + " is her surname, " + NAME_JANE + " her first name.");
    }

    @Test
    void vaaniCallMetadataNameAndPhone() throws Exception {
        // api-docs/vaani-call-history.txt
        JsonNode raw = json("{'call_id':'outbound-1776774443-863aa698','agent_name':'vaani321talha',"
                + "'client_name':'vaani321','from_number':'+918037565218','to_number':'+917893209830',"
                + "'Start_time':'2026-04-21T12:27:23.335803','duration_ms':742.269,'call_cost':2.3,"
                + "'call_summary':'John confirmed the appointment.',"
                + "'recording_api':'https://api.vaanivoice.ai/api/stream/outbound-1776774443-863aa698',"
                + "'call_metadata':{'name':'John','phone':'+917893209830','agent_name':'vaani321talha',"
                + "'agent_id':'7ec4155e-0e62-440a-b983-5974f7697854'},'chat_history':[],'callback_id':null}");
        JsonNode out = Redactor.masking().redact(raw);
        assertThat(out).isEqualTo(json("{'call_id':'outbound-1776774443-863aa698','agent_name':'vaani321talha',"
                + "'client_name':'vaani321','from_number':'[phone]','to_number':'[phone]',"
                + "'Start_time':'2026-04-21T12:27:23.335803','duration_ms':742.269,'call_cost':2.3,"
                + "'call_summary':'[name] confirmed the appointment.',"
                + "'recording_api':'https://api.vaanivoice.ai/api/stream/outbound-1776774443-863aa698',"
                + "'call_metadata':{'name':'[name]','phone':'[phone]','agent_name':'vaani321talha',"
                + "'agent_id':'7ec4155e-0e62-440a-b983-5974f7697854'},'chat_history':[],'callback_id':null}"));
    }

    @Test
    void phoneKeysTakeNumbersAndWholeValues() throws Exception {
        JsonNode raw = json("{'phone':4155550100,'phones':['+44 20 7946 0958',14155550101],'caller_number':'anonymous',"
                + "'to':14155550102,'from':'2026-11-01','number':42,'order_number':4155550103,'duration':125.5,"
                + "'start_timestamp':1703097600000,'msisdn':'','fax':null,'contact':{'name':'Priya Sharma','mobile':'98765 43210'}}");
        JsonNode out = Redactor.masking().redact(raw);
        assertThat(out).isEqualTo(json("{'phone':'[phone]','phones':['[phone]','[phone]'],'caller_number':'anonymous',"
                + "'to':'[phone]','from':'2026-11-01','number':42,'order_number':4155550103,'duration':125.5,"
                + "'start_timestamp':1703097600000,'msisdn':'','fax':null,'contact':{'name':'[name]','mobile':'[phone]'}}"));
    }

    @Test
    void aPhoneKeyWhoseValueIsNotAPhoneNumberIsFreeText() throws Exception {
        JsonNode raw = json("{'from_number':'anonymous','caller_id':'550e8400-e29b-41d4-a716-446655440000',"
                + "'callee_number':'sip:jane@example.com','to_number':'Restricted (call +14155550100)'}");
        assertThat(Redactor.masking().redact(raw)).isEqualTo(json("{'from_number':'anonymous',"
                + "'caller_id':'550e8400-e29b-41d4-a716-446655440000','callee_number':'sip:[email]',"
                + "'to_number':'Restricted (call [phone])'}"));
    }

    @Test
    void onlyPersonKeysAreNames() throws Exception {
        // a campaign's "name" in metadata and an agent's display name are not the caller's name
        JsonNode raw = json("{'metadata':{'name':'Summer Sale'},'agent':{'display_name':'Support Bot'},"
                + "'caller':{'name':'Priya Sharma'},'summary':'Summer Sale call: Support Bot spoke with Priya.'}");
        assertThat(Redactor.masking().redact(raw)).isEqualTo(json("{'metadata':{'name':'Summer Sale'},"
                + "'agent':{'display_name':'Support Bot'},'caller':{'name':'[name]'},"
                + "'summary':'Summer Sale call: Support Bot spoke with [name].'}"));
    }

    @Test
    void aPhoneFieldGetsTheTokenItsNumberGetsInText() throws Exception {
        Redactor keyed = new Redactor(KEY);
        for (String value : new String[] {"+14155550100", "+1 415-555-0100", "001 415 555 0100", "tel:+14155550100",
                "sip:+14155550100@sip.example.com"}) {
            JsonNode out = keyed.redact(json("{'from_number':'" + value + "'}"));
            assertThat(out.get("from_number").textValue()).as(value).isEqualTo(TEL_14155550100);
        }
        assertThat(keyed.redact(json("{'phone':14155550100}")).get("phone").textValue()).isEqualTo(TEL_14155550100);
    }

    @Test
    void nullAndScalarsPassThrough() throws Exception {
        assertThat(Redactor.masking().redact((JsonNode) null)).isNull();
        assertThat(Redactor.masking().redact(json("'call +14155550100'")).textValue()).isEqualTo("call [phone]");
        assertThat(Redactor.masking().redact(json("[1, true, null, 'x']"))).isEqualTo(json("[1, true, null, 'x']"));
    }
}
