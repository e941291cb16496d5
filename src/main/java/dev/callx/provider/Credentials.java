package dev.callx.provider;

import dev.callx.error.CallxException;
import java.util.Map;

/** Reads credentials from the environment (never from the command line: it shows in ps). */
public final class Credentials {
    private Credentials() {
    }

    /** The variable's value, or null when unset or blank. */
    public static String get(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The variable's value; exit 3 naming it when unset. */
    public static String require(Map<String, String> env, String name, String platform) {
        String v = get(env, name);
        if (v == null) {
            throw missing(platform, name);
        }
        return v;
    }

    public static CallxException missing(String platform, String what) {
        return CallxException.auth("no " + platform + " credential: set " + what
                + " in the environment (export " + what.split(" ")[0] + "=...)");
    }
}
