package dev.callx.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * A platform callx talks to.
 *
 * @param key            the normalized record's {@code provider} value ("vaani")
 * @param displayName    its name in messages ("Vaani Voice")
 * @param defaultBaseUrl where it lives unless told otherwise
 * @param baseUrlEnv     the variable that overrides the base URL
 * @param errorMessage   pulls the platform's own message out of an error body, or null
 */
public record Platform(String key, String displayName, String defaultBaseUrl, String baseUrlEnv,
                       Function<JsonNode, String> errorMessage) {
}
