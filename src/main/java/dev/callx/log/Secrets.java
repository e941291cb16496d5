package dev.callx.log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret values of this run (API keys, tokens, secrets). Every line callx prints on stderr
 * passes through {@link #mask(String)}, so a secret never reaches the screen or a log even when
 * a server echoes it back.
 */
public final class Secrets {
    public static final String MASK = "****";
    /** Query parameters whose value is masked in logged URLs whatever it is. */
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "([?&][^=&#]*(?:key|token|secret|password|passwd|auth|signature)[^=&#]*=)([^&#]*)",
            Pattern.CASE_INSENSITIVE);

    /** The user-info of a URL with a password: {@code scheme://user:} then the password, then {@code @}. */
    private static final Pattern USER_PASSWORD = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#@:]*:)[^/?#@]*@");
    /** An Authorization header value: a scheme, then the credential. */
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)(?:bearer|basic|token)\\s+(\\S.*)");

    private final List<String> values = new ArrayList<>();

    /**
     * Registers a secret value; values shorter than 4 characters are too common to mask safely.
     * For an Authorization value ({@code Bearer TOKEN}) the token alone is registered too: a server
     * echoes the token, not the header.
     */
    public synchronized void add(String value) {
        if (value == null) {
            return;
        }
        Matcher scheme = AUTH_SCHEME.matcher(value);
        if (scheme.matches()) {
            add(scheme.group(1));
        }
        if (value.length() >= 4 && !values.contains(value)) {
            values.add(value);
            values.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    /**
     * Registers the value of a raw query parameter ({@code --param}) when its name looks secret
     * ({@code api_key}, {@code token}, ...): the same names {@link #maskUrl(String)} masks.
     */
    public void addParam(String name, String value) {
        if (name != null && SECRET_PARAM.matcher("?" + name + "=").find()) {
            add(value);
        }
    }

    /** The text with every registered secret (and its URL-encoded form) replaced by {@link #MASK}. */
    public synchronized String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, MASK);
            String encoded = java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
            if (!encoded.equals(v)) {
                out = out.replace(encoded, MASK);
            }
        }
        return out;
    }

    /** A URL with its password (user:password@), secret-looking query parameters and registered secrets masked. */
    public String maskUrl(String url) {
        String out = USER_PASSWORD.matcher(url).replaceFirst(r -> Matcher.quoteReplacement(r.group(1) + MASK + "@"));
        Matcher m = SECRET_PARAM.matcher(out);
        return mask(m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK)));
    }
}
