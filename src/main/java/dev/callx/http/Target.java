package dev.callx.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * The platform one run talks to.
 *
 * @param platform      its name for messages ("Vaani Voice")
 * @param baseUrl       the configured base URL; credentials go to its scheme, host and port only
 * @param authHeaders   the credential headers to send
 * @param credentialEnv the variable(s) to check when the platform refuses them ("VAANI_API_KEY")
 * @param errorMessage  pulls the platform's own message out of an error body, or null
 */
public record Target(String platform, HttpUrl baseUrl, Map<String, String> authHeaders,
                     String credentialEnv, Function<JsonNode, String> errorMessage) {
    public Target {
        authHeaders = Map.copyOf(authHeaders);
    }
}
