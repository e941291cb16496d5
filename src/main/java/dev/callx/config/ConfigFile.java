package dev.callx.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.callx.error.CallxException;
import dev.callx.error.DidYouMean;
import dev.callx.provider.ravan.Ravan;
import dev.callx.provider.vaani.VaaniCallHistoryEndpoint;
import dev.callx.provider.zudu.ZuduCallsEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The config file (issue 9.5, SPEC 3): named profiles of option defaults, base URLs and credentials,
 * in exactly this TOML layout:
 *
 * <pre>
 * [profiles.staging]            # option defaults: export options by their long name
 * output = "csv"
 * concurrency = 4
 * [profiles.staging.vaani]      # one table per platform: ravan, vaani, zudu
 * base_url = "https://vaani.staging.example"
 * api_key_file = "~/.config/callx/vaani-staging.key"   # or api_key = "..."
 * [profiles.staging.zudu]       # api_key / api_key_file, api_secret / api_secret_file
 * [profiles.staging.ravan]      # api_key / api_key_file, token / token_file
 * </pre>
 *
 * Read whole and checked whole: an unknown key anywhere is a usage error naming it (a typo must not
 * drop a setting silently); a secret written in the file is refused (exit 3) unless the file is
 * readable by its owner alone, as ssh refuses a private key others can read.
 */
public final class ConfigFile {
    /** The credentials each platform table takes, and the variable each stands in for. */
    private static final Map<String, Map<String, String>> CREDENTIALS = Map.of(
            "ravan", ordered("api_key", Ravan.API_KEY_ENV, "token", Ravan.TOKEN_ENV),
            "vaani", ordered("api_key", VaaniCallHistoryEndpoint.API_KEY_ENV),
            "zudu", ordered("api_key", ZuduCallsEndpoint.API_KEY_ENV, "api_secret", ZuduCallsEndpoint.API_SECRET_ENV));
    /** Export options a profile may not set: where they belong instead. */
    private static final Map<String, String> NOT_IN_A_PROFILE = Map.of(
            "profile", "a profile cannot select another",
            "base-url", "base_url goes in the platform's table, [profiles.NAME.ravan|vaani|zudu]",
            "param", "--param is for one command line",
            "quiet", "-q is given per run",
            "verbose", "-v is given per run",
            "progress", "--progress is given per run, or by CALLX_PROGRESS");

    private ConfigFile() {
    }

    /** The environment variables of a platform's credentials (RAVAN_API_KEY, RAVAN_TOKEN). */
    static java.util.Collection<String> credentialVariables(String platform) {
        Map<String, String> c = CREDENTIALS.get(platform);
        return c == null ? List.of() : c.values();
    }

    /**
     * Where the config file is: {@code CALLX_CONFIG}, else {@code $XDG_CONFIG_HOME/callx/config.toml},
     * else {@code $HOME/.config/callx/config.toml}; null when the environment tells none of them.
     */
    public static Path locate(Map<String, String> env) {
        String explicit = value(env, "CALLX_CONFIG");
        if (explicit != null) {
            return Path.of(explicit);
        }
        String xdg = value(env, "XDG_CONFIG_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "callx", "config.toml");
        }
        String home = value(env, "HOME");
        return home == null ? null : Path.of(home, ".config", "callx", "config.toml");
    }

    /**
     * Reads and checks the whole file.
     *
     * @param optionNames the option long names (without dashes) a profile may set
     * @param env         for {@code ~} in a credential file's path (HOME)
     * @return the profiles in the file's order; none when the file does not exist
     */
    public static Map<String, Profile> load(Path path, Set<String> optionNames, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw CallxException.usage("cannot read config file " + path + ": " + e.getMessage());
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw CallxException.usage("config file " + path + " is not valid TOML" + where + ": "
                    + e.getOriginalMessage());
        }
        Reader reader = new Reader(path, optionNames, env);
        Map<String, Profile> profiles = reader.read(root);
        if (!reader.inline.isEmpty()) {
            checkPrivate(path, reader.inline.get(0));
        }
        return profiles;
    }

    /** A secret in the file: refused when group or others may read it (exit 3). */
    private static void checkPrivate(Path path, String where) {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException | IOException e) {
            return; // not a POSIX file system: nothing to check
        }
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
            throw CallxException.auth("config file " + path + " holds a secret (" + where + ") but others can read "
                    + "it: run chmod 600 " + path + ", or put the secret in a file of its own (" + where
                    + "_file)");
        }
    }

    /** Walks the tree, collecting profiles and the inline secrets. */
    private static final class Reader {
        final Path path;
        final Set<String> optionNames;
        final Map<String, String> env;
        final List<String> inline = new ArrayList<>();

        Reader(Path path, Set<String> optionNames, Map<String, String> env) {
            this.path = path;
            this.optionNames = optionNames;
            this.env = env;
        }

        Map<String, Profile> read(JsonNode root) {
            for (String key : names(root)) {
                if (!key.equals("profiles")) {
                    throw unknown(key, "the top level", "the file holds [profiles.NAME] tables only");
                }
            }
            JsonNode profiles = root.get("profiles");
            Map<String, Profile> result = new LinkedHashMap<>();
            if (profiles == null) {
                return result;
            }
            if (!profiles.isObject()) {
                throw usage("'profiles' must be a table: [profiles.NAME]");
            }
            for (String name : names(profiles)) {
                JsonNode table = profiles.get(name);
                if (!table.isObject()) {
                    throw usage("'profiles." + name + "' must be a table: [profiles." + name + "]");
                }
                result.put(name, profile(name, table));
            }
            return result;
        }

        Profile profile(String name, JsonNode table) {
            Map<String, String> options = new LinkedHashMap<>();
            Map<String, Profile.PlatformSettings> platforms = new LinkedHashMap<>();
            String at = "[profiles." + name + "]";
            for (String key : names(table)) {
                JsonNode value = table.get(key);
                if (CREDENTIALS.containsKey(key)) {
                    if (!value.isObject()) {
                        throw usage("'" + key + "' in " + at + " must be a table: [profiles." + name + "." + key + "]");
                    }
                    platforms.put(key, platform(name, key, value));
                    continue;
                }
                String option = key.replace('_', '-');
                if (NOT_IN_A_PROFILE.containsKey(option)) {
                    throw usage("'" + key + "' cannot be set in " + at + ": " + NOT_IN_A_PROFILE.get(option));
                }
                if (!optionNames.contains(option)) {
                    throw unknown(key, at, "a profile sets export options by their long name (output, tz, "
                            + "concurrency, ...) and has tables ravan, vaani, zudu" + suggestion(option, optionNames));
                }
                if (!value.isValueNode() || value.isNull()) {
                    throw usage("'" + key + "' in " + at + " must be a string, a number or true/false");
                }
                options.put(option, value.asText());
            }
            return new Profile(name, path, options, platforms);
        }

        Profile.PlatformSettings platform(String profile, String platform, JsonNode table) {
            Map<String, String> credentials = CREDENTIALS.get(platform);
            String at = "[profiles." + profile + "." + platform + "]";
            String baseUrl = null;
            Map<String, Profile.Credential> found = new LinkedHashMap<>();
            for (String key : names(table)) {
                JsonNode value = table.get(key);
                String where = "profiles." + profile + "." + platform + "." + key;
                if (!value.isTextual() || value.textValue().isBlank()) {
                    throw usage("'" + key + "' in " + at + " must be a string that is not empty");
                }
                String text = value.textValue().trim();
                if (key.equals("base_url")) {
                    baseUrl = text;
                    continue;
                }
                boolean file = key.endsWith("_file");
                String name = file ? key.substring(0, key.length() - "_file".length()) : key;
                String variable = credentials.get(name);
                if (variable == null) {
                    Set<String> valid = new TreeSet<>(List.of("base_url"));
                    credentials.keySet().forEach(c -> {
                        valid.add(c);
                        valid.add(c + "_file");
                    });
                    throw unknown(key, at, platform + " takes " + String.join(", ", valid)
                            + suggestion(key, valid));
                }
                if (found.containsKey(name)) {
                    throw usage(at + " has both " + name + " and " + name + "_file: keep one");
                }
                if (file) {
                    found.put(name, new Profile.Credential(name, variable, null, resolve(text), text, where));
                } else {
                    inline.add(where);
                    found.put(name, new Profile.Credential(name, variable, text, null, null, where));
                }
            }
            return new Profile.PlatformSettings(platform, baseUrl, new ArrayList<>(found.values()));
        }

        /** {@code ~/x} in HOME; a relative path beside the config file. */
        Path resolve(String file) {
            String home = value(env, "HOME");
            if ((file.equals("~") || file.startsWith("~/")) && home != null) {
                return Path.of(home + file.substring(1));
            }
            Path p = Path.of(file);
            Path dir = path.toAbsolutePath().getParent();
            return p.isAbsolute() || dir == null ? p : dir.resolve(p);
        }

        CallxException unknown(String key, String at, String hint) {
            return usage("unknown key '" + key + "' in " + at + ": " + hint);
        }

        CallxException usage(String what) {
            return CallxException.usage("config file " + path + ": " + what);
        }
    }

    /** "; did you mean 'output'?" for a key close to a valid one. */
    static String suggestion(String key, Set<String> valid) {
        return DidYouMean.hint(key.toLowerCase(Locale.ROOT), valid);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
