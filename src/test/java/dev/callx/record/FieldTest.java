package dev.callx.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The record's fields as SPEC section 4 lists them, and --fields lists of them. */
class FieldTest {
    /** SPEC section 4's table, in its order. */
    private static final List<String> SPEC = List.of("provider", "id", "started_at", "ended_at", "duration_sec",
            "direction", "channel", "status", "from_number", "to_number", "caller_name", "caller_email", "agent_id",
            "agent_name", "organization_id", "cost", "summary", "sentiment", "disconnect_reason", "latency_ms",
            "recording_url", "transcript", "transcript_url", "error_message", "metadata");

    @Test
    void everyExportsFieldsAreTheSpecsInItsOrderAndRecordingsAddTheirFile() {
        assertThat(Field.all()).extracting(Field::wireName).containsExactlyElementsOf(SPEC);
        assertThat(Field.wireNames()).containsExactlyElementsOf(SPEC); // recording_file only with --recordings
        assertThat(Field.withRecordingFile()).hasSize(SPEC.size() + 1).endsWith(Field.RECORDING_FILE);
        assertThat(Field.names()).isEqualTo(String.join(",", SPEC) + "; with --recordings also recording_file");
        assertThat(Field.STARTED_AT.type()).isEqualTo(FieldType.TIMESTAMP);
        assertThat(Field.COST.type()).isEqualTo(FieldType.NUMBER);
        assertThat(Field.METADATA.type()).isEqualTo(FieldType.OBJECT);
    }

    @Test
    void aListKeepsItsOrderIgnoresCaseBlanksAndRepeats() {
        assertThat(Field.parseList("status,ID, started_at ,,id")).containsExactly(Field.STATUS, Field.ID, Field.STARTED_AT);
        assertThat(Field.parseList("recording_file")).containsExactly(Field.RECORDING_FILE);
    }

    @Test
    void unknownNamesAreListedWithTheNearestAndTheValidOnes() {
        assertThatThrownBy(() -> Field.parseList("id,statuss"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--fields: unknown field 'statuss' (did you mean 'status'?); valid fields: " + Field.names());
        assertThatThrownBy(() -> Field.parseList("zzzzzzzz, Sumary"))
                .hasMessage("--fields: unknown fields 'zzzzzzzz', 'Sumary' (did you mean 'summary'?); valid fields: "
                        + Field.names());
        assertThatThrownBy(() -> Field.parseList(" , "))
                .hasMessage("--fields names no field; valid fields: " + Field.names());
    }

    /** recording_file is a field too (with --recordings): a slip in its name is suggested it. */
    @Test
    void theRecordingsFieldIsSuggestedToo() {
        assertThatThrownBy(() -> Field.parseList("recording_fil"))
                .hasMessageStartingWith("--fields: unknown field 'recording_fil' (did you mean 'recording_file'?)");
    }
}
