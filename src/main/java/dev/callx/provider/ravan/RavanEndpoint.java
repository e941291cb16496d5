package dev.callx.provider.ravan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.provider.BaseEndpoint;
import dev.callx.provider.Credentials;
import dev.callx.provider.ErrorMessages;
import dev.callx.provider.Paging;
import dev.callx.record.CallRecord;
import dev.callx.record.Warnings;
import dev.callx.transcript.DetailBodies;
import dev.callx.transcript.TranscriptSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** What Ravan's three endpoints share: the X-Api-Key header, the success flag, the mapper. */
abstract class RavanEndpoint extends BaseEndpoint {
    /**
     * The transcripts of call sessions and contact calls: {@code GET /api/v1/calling/call-sessions-detail/{id}}
     * (api-docs/ravan-call-session-detail.txt), one request per call.
     */
    static final TranscriptSource SESSION_DETAIL = new TranscriptSource.PerCall(
            List.of("api", "v1", "calling", "call-sessions-detail"), DetailBodies::ravanSessionDetail, "session detail");

    RavanEndpoint(List<String> path, Map<String, String> query, Paging paging) {
        super(Ravan.PLATFORM, path, query, paging);
    }

    @Override
    public Map<String, String> authHeaders(Map<String, String> env) {
        String key = Credentials.get(env, Ravan.API_KEY_ENV);
        if (key == null) {
            throw Credentials.missing(Ravan.PLATFORM.displayName(), Ravan.API_KEY_ENV);
        }
        return Map.of("X-Api-Key", key);
    }

    @Override
    public String credentialEnv(Map<String, String> env) {
        return Ravan.API_KEY_ENV;
    }

    @Override
    public String idOf(JsonNode record) {
        return RavanMapper.idOf(record);
    }

    @Override
    public CallRecord map(JsonNode record, Warnings warnings, ZoneId assumeZone) {
        return RavanMapper.map(record, warnings, assumeZone);
    }

    /** Ravan answers some failures with HTTP 200 and {@code success: false}. */
    protected void checkSuccess(JsonNode body, String what) {
        if (!body.isObject()) {
            throw wrongShape(body, what, "not a JSON object");
        }
        Boolean success = boolAt(body, "success");
        if (Boolean.FALSE.equals(success)) {
            throw reportedFailure(what, "success: false", ErrorMessages.first(body, "message", "error"));
        }
    }
}
