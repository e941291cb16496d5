package dev.callx.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One profile of the config file.
 *
 * @param name      its name ({@code [profiles.NAME]})
 * @param file      the config file it is in, for messages
 * @param options   option defaults by long name without dashes ({@code page-size}), values as text
 * @param platforms the settings of each platform table it has, by platform key ({@code vaani})
 */
public record Profile(String name, Path file, Map<String, String> options, Map<String, PlatformSettings> platforms) {
    public Profile {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        platforms = Collections.unmodifiableMap(new LinkedHashMap<>(platforms));
    }

    /** The default for an option by its long name ({@code --page-size} or {@code page-size}), or null. */
    public String option(String longName) {
        String key = longName.startsWith("--") ? longName.substring(2) : longName;
        return options.get(key);
    }

    /** "profile staging of /home/me/.config/callx/config.toml", for messages. */
    public String describe() {
        return "profile " + name + " of " + file;
    }

    /**
     * A platform's table.
     *
     * @param platform    ravan, vaani or zudu
     * @param baseUrl     base_url, or null
     * @param credentials its credentials, in the file's order
     */
    public record PlatformSettings(String platform, String baseUrl, List<Credential> credentials) {
        public PlatformSettings {
            credentials = List.copyOf(credentials);
        }
    }

    /**
     * A credential: inline ({@code api_key = "..."}) or in a file ({@code api_key_file = "..."}).
     *
     * @param name   api_key, token or api_secret
     * @param env    the environment variable it stands in for (VAANI_API_KEY)
     * @param inline the value, or null
     * @param file   the file holding it (~ and relative paths resolved), or null
     * @param given  the file as written in the config, for messages and listings
     * @param where  its place in the file: {@code profiles.staging.vaani.api_key_file}
     */
    public record Credential(String name, String env, String inline, Path file, String given, String where) {
    }
}
