package dev.callx.provider.ravan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.paging.Page;
import dev.callx.provider.Credentials;
import dev.callx.provider.Paging;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code GET /api/v1/calling/phone-history}: every call with one phone number (api-docs/ravan-phone-history.txt). */
public final class PhoneHistoryEndpoint extends RavanEndpoint {
    /** E.164: a plus and 8 to 15 digits, the first not zero. */
    public static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    /** The documented maximum page size, which callx asks for. */
    public static final int MAX_PAGE_SIZE = 100;
    static final Paging PAGING = new Paging("page", "page_size", 1, MAX_PAGE_SIZE, MAX_PAGE_SIZE);

    public PhoneHistoryEndpoint(String phone, boolean transcripts) {
        super(List.of("api", "v1", "calling", "phone-history"), query(phone, transcripts), PAGING);
    }

    private static Map<String, String> query(String phone, boolean transcripts) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("phone", phone);
        if (transcripts) {
            q.put("include_transcripts", "true");
        }
        return q;
    }

    /** Bearer token (RAVAN_TOKEN) or API key (RAVAN_API_KEY); the token wins when both are set. */
    @Override
    public Map<String, String> authHeaders(Map<String, String> env) {
        String token = Credentials.get(env, Ravan.TOKEN_ENV);
        if (token != null) {
            return Map.of("Authorization", "Bearer " + token);
        }
        String key = Credentials.get(env, Ravan.API_KEY_ENV);
        if (key != null) {
            return Map.of("X-Api-Key", key);
        }
        throw Credentials.missing(Ravan.PLATFORM.displayName(), Ravan.API_KEY_ENV + " (or " + Ravan.TOKEN_ENV + ")");
    }

    @Override
    public String credentialEnv(Map<String, String> env) {
        return Credentials.get(env, Ravan.TOKEN_ENV) != null ? Ravan.TOKEN_ENV : Ravan.API_KEY_ENV;
    }

    @Override
    public Page parse(JsonNode body, String what) {
        checkSuccess(body, what);
        return new Page(requireArray(body, "calls", what), null, null, longAt(body, "total_count"));
    }
}
