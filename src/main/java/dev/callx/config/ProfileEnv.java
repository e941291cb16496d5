package dev.callx.config;

import dev.callx.error.CallxException;
import dev.callx.error.IoReasons;
import dev.callx.provider.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A profile's platform settings as the environment variables they stand in for, below the real ones:
 * the environment wins over the profile (SPEC 3). The base URL counts alone; the credentials as a
 * set: when the environment sets any credential of the platform, the profile's credentials for it are
 * not used at all, so that a key from one never goes with a secret from the other.
 */
public final class ProfileEnv {
    private ProfileEnv() {
    }

    /**
     * @param profile  the profile, or null for none
     * @param platform the platform the command calls
     * @param env      the real environment
     * @param secret   told each secret value taken from the profile (to mask it everywhere)
     * @return the environment the export sees
     * @throws CallxException exit 3 when a credential file cannot be read or is empty
     */
    public static Map<String, String> apply(Profile profile, Platform platform, Map<String, String> env,
                                            Consumer<String> secret) {
        Profile.PlatformSettings settings = profile == null ? null : profile.platforms().get(platform.key());
        if (settings == null) {
            return env;
        }
        Map<String, String> result = new HashMap<>(env);
        if (settings.baseUrl() != null && blank(env.get(platform.baseUrlEnv()))) {
            result.put(platform.baseUrlEnv(), settings.baseUrl());
        }
        boolean envHasCredentials = ConfigFile.credentialVariables(platform.key()).stream()
                .anyMatch(v -> !blank(env.get(v)));
        if (!envHasCredentials) {
            for (Profile.Credential c : settings.credentials()) {
                String value = c.inline() != null ? c.inline() : read(c, profile.name());
                secret.accept(value);
                result.put(c.env(), value);
            }
        }
        return result;
    }

    private static String read(Profile.Credential c, String profile) {
        String value;
        try {
            value = Files.readString(c.file()).strip();
        } catch (IOException e) {
            throw CallxException.auth("cannot read " + c.file() + " (" + c.where() + " of profile " + profile + "): "
                    + IoReasons.of(e, c.file()) + ". Check the path, or set " + c.env() + " in the environment");
        }
        if (value.isEmpty()) {
            throw CallxException.auth(c.file() + " (" + c.where() + " of profile " + profile + ") is empty: put the "
                    + c.name() + " in it, or set " + c.env() + " in the environment");
        }
        return value;
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }
}
