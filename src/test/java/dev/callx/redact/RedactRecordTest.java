package dev.callx.redact;

import static dev.callx.redact.RedactJsonTest.json;
import static dev.callx.redact.RedactorTextTest.EMAIL_JANE;
import static dev.callx.redact.RedactorTextTest.KEY;
import static dev.callx.redact.RedactorTextTest.NAME_JANE;
import static dev.callx.redact.RedactorTextTest.NAME_JANE_DOE;
import static dev.callx.redact.RedactorTextTest.TEL_14155550100;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.provider.vaani.VaaniCallHistoryEndpoint;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import dev.callx.record.Warnings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The normalized record redacted as one pipeline stage. Expected values are written out by hand. */
class RedactRecordTest {

    static CallRecord record(JsonNode raw) throws Exception {
        return new CallRecord(raw)
                .set(Field.PROVIDER, "ravan")
                .set(Field.ID, "550e8400-e29b-41d4-a716-446655440000")
                .set(Field.STARTED_AT, Instant.parse("2026-06-11T09:30:00Z"))
                .set(Field.DURATION_SEC, new BigDecimal("250"))
                .set(Field.STATUS, "completed")
                .set(Field.FROM_NUMBER, "+1 415-555-0100")
                .set(Field.TO_NUMBER, "+919876543210")
                .set(Field.CALLER_NAME, "Jane Doe")
                .set(Field.CALLER_EMAIL, "jane.doe@example.com")
                .set(Field.AGENT_ID, "8f14e45f-ceea-467f-a1d1-91ad4fb0e6c4")
                .set(Field.AGENT_NAME, "Support Agent")
                .set(Field.COST, new BigDecimal("12.50"))
                .set(Field.SUMMARY, "Jane Doe asked for a callback at +14155550100 before 2026-06-12 17:00.")
                .set(Field.TRANSCRIPT, "agent: Hello Jane!\nuser: my card is 4111 1111 1111 1111")
                .set(Field.ERROR_MESSAGE, "SIP 486 Busy Here")
                .set(Field.LATENCY_MS, "n/a call jane.doe@example.com") // a value that did not convert
                .set(Field.METADATA, json("{'source':'crm','contact_id':'ct_0007','note':'wife: 415-555-0199'}"));
    }

    @Test
    void everyFieldKeyed() throws Exception {
        JsonNode raw = json("{'id':'550e8400-e29b-41d4-a716-446655440000','caller_number':'+1 415-555-0100',"
                + "'caller_name':'Jane Doe','summary':'Jane Doe asked for a callback'}");
        CallRecord in = record(raw);
        CallRecord out = new Redactor(KEY).redact(in);
        assertThat(out).isNotSameAs(in);
        assertThat(out.get(Field.PROVIDER)).isEqualTo("ravan");
        assertThat(out.get(Field.ID)).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
        assertThat(out.get(Field.STARTED_AT)).isEqualTo(Instant.parse("2026-06-11T09:30:00Z"));
        assertThat(out.get(Field.DURATION_SEC)).isEqualTo(new BigDecimal("250"));
        assertThat(out.get(Field.COST)).isEqualTo(new BigDecimal("12.50"));
        assertThat(out.get(Field.STATUS)).isEqualTo("completed");
        assertThat(out.get(Field.AGENT_ID)).isEqualTo("8f14e45f-ceea-467f-a1d1-91ad4fb0e6c4");
        assertThat(out.get(Field.AGENT_NAME)).isEqualTo("Support Agent");
        assertThat(out.get(Field.FROM_NUMBER)).isEqualTo(TEL_14155550100);
        assertThat((String) out.get(Field.TO_NUMBER)).matches("tel:[0-9a-f]{12}").isNotEqualTo(TEL_14155550100);
        assertThat(out.get(Field.CALLER_NAME)).isEqualTo(NAME_JANE_DOE);
        assertThat(out.get(Field.CALLER_EMAIL)).isEqualTo(EMAIL_JANE);
        assertThat(out.get(Field.SUMMARY)).isEqualTo(NAME_JANE_DOE + " asked for a callback at " + TEL_14155550100
                + " before 2026-06-12 17:00.");
        assertThat(out.get(Field.TRANSCRIPT)).isEqualTo("agent: Hello " + NAME_JANE + "!\nuser: my card is "
                + RedactorTextTest.CARD_4111);
        assertThat(out.get(Field.ERROR_MESSAGE)).isEqualTo("SIP 486 Busy Here");
        assertThat(out.get(Field.LATENCY_MS)).isEqualTo("n/a call " + EMAIL_JANE);
        JsonNode metadata = (JsonNode) out.get(Field.METADATA);
        assertThat(metadata.get("contact_id").textValue()).isEqualTo("ct_0007");
        assertThat(metadata.get("note").textValue()).matches("wife: tel:[0-9a-f]{12}");
        assertThat(out.raw().get("caller_number").textValue()).isEqualTo(TEL_14155550100);
        assertThat(out.raw().get("caller_name").textValue()).isEqualTo(NAME_JANE_DOE);
        assertThat(out.raw().get("summary").textValue()).isEqualTo(NAME_JANE_DOE + " asked for a callback");
        assertThat(in.get(Field.FROM_NUMBER)).as("the input is not changed").isEqualTo("+1 415-555-0100");
        assertThat(in.raw().get("caller_name").textValue()).isEqualTo("Jane Doe");
    }

    @Test
    void vaaniDocRecordThroughItsMapperMasked() throws Exception {
        // api-docs/vaani-call-history.txt, mapped by the real Vaani mapper, then redacted
        JsonNode raw = json("{'call_id':'outbound-1776774443-863aa698','call_type':'Outbound',"
                + "'call_status':'User disconnected','direction':'Outbound','agent_name':'vaani321talha',"
                + "'agent_id':'7ec4155e-0e62-440a-b983-5974f7697854','client_name':'vaani321',"
                + "'client_id':'9abf5eff-e978-4e87-954d-7ff6ba570796','from_number':'+918037565218',"
                + "'to_number':'+917893209830','Start_time':'2026-04-21T12:27:23.335803',"
                + "'End_time':'2026-04-21T12:27:57.453173','duration_ms':742.269,'call_cost':2.3,"
                + "'call_summary':'The agent opened the call with a friendly greeting...',"
                + "'recording_api':'https://api.vaanivoice.ai/api/stream/outbound-1776774443-863aa698',"
                + "'call_transcription':'https://api.vaanivoice.ai/api/transcript/outbound-1776774443-863aa698',"
                + "'call_metadata':{'name':'John','phone':'+917893209830','agent_name':'vaani321talha',"
                + "'agent_id':'7ec4155e-0e62-440a-b983-5974f7697854','client_id':'9abf5eff-e978-4e87-954d-7ff6ba570796'}}");
        List<String> warnings = new ArrayList<>();
        CallRecord mapped = new VaaniCallHistoryEndpoint().map(raw, new Warnings(warnings::add), ZoneOffset.UTC);
        CallRecord out = Redactor.masking().redact(mapped);
        assertThat(out.get(Field.ID)).isEqualTo("outbound-1776774443-863aa698");
        assertThat(out.get(Field.FROM_NUMBER)).isEqualTo("[phone]");
        assertThat(out.get(Field.TO_NUMBER)).isEqualTo("[phone]");
        assertThat(out.get(Field.CALLER_NAME)).isEqualTo("[name]");
        assertThat(out.get(Field.AGENT_ID)).isEqualTo("7ec4155e-0e62-440a-b983-5974f7697854");
        assertThat(out.get(Field.AGENT_NAME)).isEqualTo("vaani321talha");
        assertThat(out.get(Field.ORGANIZATION_ID)).isEqualTo("9abf5eff-e978-4e87-954d-7ff6ba570796");
        assertThat(out.get(Field.SUMMARY)).isEqualTo("The agent opened the call with a friendly greeting...");
        assertThat(out.get(Field.RECORDING_URL))
                .isEqualTo("https://api.vaanivoice.ai/api/stream/outbound-1776774443-863aa698");
        assertThat(out.get(Field.TRANSCRIPT_URL))
                .isEqualTo("https://api.vaanivoice.ai/api/transcript/outbound-1776774443-863aa698");
        assertThat(out.get(Field.STARTED_AT)).isEqualTo(mapped.get(Field.STARTED_AT)).isNotNull();
        assertThat(out.get(Field.DURATION_SEC)).isEqualTo(mapped.get(Field.DURATION_SEC)).isNotNull();
        assertThat(out.get(Field.COST)).isEqualTo(new BigDecimal("2.3"));
        assertThat(out.get(Field.METADATA)).isEqualTo(json("{'name':'[name]','phone':'[phone]',"
                + "'agent_name':'vaani321talha','agent_id':'7ec4155e-0e62-440a-b983-5974f7697854',"
                + "'client_id':'9abf5eff-e978-4e87-954d-7ff6ba570796'}"));
        assertThat(out.raw().get("from_number").textValue()).isEqualTo("[phone]");
        assertThat(out.raw().get("call_id").textValue()).isEqualTo("outbound-1776774443-863aa698");
        assertThat(out.raw().get("Start_time").textValue()).isEqualTo("2026-04-21T12:27:23.335803");
        assertThat(warnings).isEmpty();
    }

    @Test
    void theNameInTheRawRecordIsFoundWhenTheFieldIsEmpty() throws Exception {
        // Ravan sessions carry the name in promptDynamicVariables.customer_name as well
        JsonNode raw = json("{'id':'s1','promptDynamicVariables':{'customer_name':'Priya Sharma'},"
                + "'summary':'Priya Sharma booked a slot.'}");
        CallRecord in = new CallRecord(raw).set(Field.PROVIDER, "ravan").set(Field.ID, "s1")
                .set(Field.SUMMARY, "Priya Sharma booked a slot.");
        CallRecord out = Redactor.masking().redact(in);
        assertThat(out.get(Field.SUMMARY)).isEqualTo("[name] booked a slot.");
        assertThat(out.raw().get("promptDynamicVariables").get("customer_name").textValue()).isEqualTo("[name]");
        assertThat(out.raw().get("summary").textValue()).isEqualTo("[name] booked a slot.");
    }
}
