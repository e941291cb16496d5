package dev.callx.log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret values of this run (API keys, tokens, secrets, passwords). Every line callx prints on
 * stderr passes through {@link #mask(String)}, so a secret never reaches the screen or a log even
 * when a server echoes it back, in whatever form it echoes it:
 *
 * <ul>
 *   <li>as is;</li>
 *   <li>URL-encoded: any character as {@code %HH} (either case, UTF-8 bytes), a space as {@code +}
 *       or {@code %20};</li>
 *   <li>JSON-escaped: any character as {@code \\uHHHH} (either case), {@code /} as {@code \/} (PHP),
 *       {@code "} and {@code \} escaped, an escape escaped again (JSON inside JSON);</li>
 *   <li>as HTML character references, any character ({@code &#47;}, {@code &#x2F;}, {@code &#118;});</li>
 *   <li>for a user and password ({@link #addUserInfo}), the base64 of {@code user:password}, padded
 *       or not, standard or URL-safe; for an Authorization value, its token alone.</li>
 * </ul>
 *
 * The forms mix freely within one echo. Where secrets overlap, all of the text any of them covers
 * becomes one {@link #MASK}, so no part of a longer secret is left beside a shorter one.
 *
 * <p>Besides, no URL in a printed line shows its userinfo, its query values or its fragment
 * ({@link #maskUrl(String)}): a password in a base URL, a token or a phone number in a query.
 */
public final class Secrets {
    public static final String MASK = "****";
    /** Shorter values are too common to mask safely ("1", "true", a page size). */
    private static final int MIN_LENGTH = 4;

    /** Query parameter names whose value is a secret ({@code --param api_key=...}). */
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "[^=&#]*(?:key|token|secret|password|passwd|auth|signature)[^=&#]*", Pattern.CASE_INSENSITIVE);
    /** An Authorization header value: a scheme, then the credential. */
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)(bearer|basic|token)\\s+(\\S.*)");
    /** A URL inside text: a scheme, {@code ://}, then up to white space, a quote or an angle bracket. */
    private static final Pattern URL_IN_TEXT = Pattern.compile(
            "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>`]+");

    /**
     * The registered values, each with the pattern of all its forms. Their order does not matter:
     * {@link #maskSecrets} masks the union of the text they cover, so a longer secret that holds or
     * overlaps a shorter one is masked whole whichever comes first.
     */
    private final Map<String, Pattern> secrets = new LinkedHashMap<>();

    /**
     * Registers a secret value; values shorter than 4 characters are too common to mask safely.
     * For an Authorization value ({@code Bearer TOKEN}) the token alone is registered too: a server
     * echoes the token, not the header; for {@code Basic} the password inside it as well.
     */
    public synchronized void add(String value) {
        if (value == null) {
            return;
        }
        Matcher scheme = AUTH_SCHEME.matcher(value);
        if (scheme.matches()) {
            String token = scheme.group(2).trim();
            register(token);
            if (scheme.group(1).equalsIgnoreCase("basic")) {
                String pair = decodeBase64(token);
                int colon = pair == null ? -1 : pair.indexOf(':');
                if (colon >= 0) {
                    register(pair.substring(colon + 1));
                }
            }
        }
        register(value);
    }

    /**
     * Registers the password of a user (a proxy's {@code user:pass@}, a base URL's userinfo): the
     * password, and the base64 of {@code user:password} as Basic authentication sends it. The user
     * name alone is not masked (it is often a common word).
     */
    public synchronized void addUserInfo(String user, String password) {
        if (password == null || password.isEmpty()) {
            return;
        }
        register(password);
        byte[] pair = ((user == null ? "" : user) + ":" + password).getBytes(StandardCharsets.UTF_8);
        register(Base64.getEncoder().encodeToString(pair));
        register(Base64.getEncoder().withoutPadding().encodeToString(pair));
        register(Base64.getUrlEncoder().encodeToString(pair));
        register(Base64.getUrlEncoder().withoutPadding().encodeToString(pair));
    }

    /**
     * Registers the value of a raw query parameter ({@code --param}) when its name looks secret
     * ({@code api_key}, {@code token}, {@code password}, ...).
     */
    public void addParam(String name, String value) {
        if (secretParam(name)) {
            add(value);
        }
    }

    /** Whether a query parameter's name says its value is a secret ({@code api_key}, {@code token}, ...). */
    public static boolean secretParam(String name) {
        return name != null && SECRET_PARAM.matcher(name).matches();
    }

    private void register(String value) {
        if (value.length() >= MIN_LENGTH) {
            secrets.computeIfAbsent(value, v -> Pattern.compile(forms(v)));
        }
    }

    /**
     * The text with every form of every registered secret replaced by {@link #MASK}, and every URL
     * in it without userinfo, query values or fragment. Masking twice changes nothing.
     */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        return maskUrls(maskSecrets(text));
    }

    /**
     * A URL (or what was meant as one, even unparseable) without its userinfo, query values and
     * fragment, and with the registered secrets masked: {@code http://u:pw@h/?token=T} becomes
     * {@code http://****@h/?token=****}.
     */
    public String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        return hideUrlParts(maskSecrets(url));
    }

    private synchronized String maskSecrets(String text) {
        if (secrets.isEmpty()) {
            return text;
        }
        BitSet covered = new BitSet(text.length());
        for (Pattern forms : secrets.values()) {
            Matcher m = forms.matcher(text);
            // every match, overlapping ones too (a secret never matches empty text)
            for (int from = 0; m.find(from); from = m.start() + 1) {
                covered.set(m.start(), m.end());
            }
        }
        if (covered.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        for (int start = covered.nextSetBit(0); start >= 0; start = covered.nextSetBit(i)) {
            sb.append(text, i, start).append(MASK);
            i = covered.nextClearBit(start);
        }
        return sb.append(text, i, text.length()).toString();
    }

    private static String maskUrls(String text) {
        if (text.indexOf("://") < 0) {
            return text;
        }
        return URL_IN_TEXT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(hideUrlParts(m.group())));
    }

    /**
     * The userinfo (everything before the last {@code @} of the authority) becomes {@link #MASK}, each
     * query value and each query part without a name too, and the fragment. Without {@code ://}, the
     * text is read as starting with the authority ({@code u:pw@h/?t=1}).
     */
    static String hideUrlParts(String url) {
        int scheme = url.indexOf("://");
        int authority = scheme < 0 ? 0 : scheme + 3;
        int authorityEnd = indexOfAny(url, "/?#", authority);
        int at = url.lastIndexOf('@', authorityEnd - 1);
        StringBuilder sb = new StringBuilder(url.length());
        if (at >= authority) {
            sb.append(url, 0, authority).append(MASK).append(url, at, authorityEnd);
        } else {
            sb.append(url, 0, authorityEnd);
        }
        int fragment = url.indexOf('#', authorityEnd);
        int queryEnd = fragment < 0 ? url.length() : fragment; // a '?' after the '#' is the fragment's
        int query = url.substring(0, queryEnd).indexOf('?', authorityEnd);
        int pathEnd = query >= 0 ? query : queryEnd;
        sb.append(url, authorityEnd, pathEnd);
        if (query >= 0) {
            sb.append('?');
            String[] parts = url.substring(query + 1, queryEnd).split("&", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    sb.append('&');
                }
                String part = parts[i];
                int eq = part.indexOf('=');
                if (eq >= 0) {
                    sb.append(part, 0, eq + 1).append(eq + 1 < part.length() ? MASK : "");
                } else {
                    sb.append(part.isEmpty() ? "" : MASK);
                }
            }
        }
        if (fragment >= 0) {
            sb.append('#').append(fragment + 1 < url.length() ? MASK : "");
        }
        return sb.toString();
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String decodeBase64(String text) {
        try {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A regular expression matching the value in every form of the class comment, mixed freely. */
    private static String forms(String value) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            re.append(forms(cp));
            i += Character.charCount(cp);
        }
        return re.toString();
    }

    private static String forms(int cp) {
        List<String> alternatives = new ArrayList<>();
        alternatives.add("\\x{" + Integer.toHexString(cp) + "}");
        // URL-encoded: each UTF-8 byte as %HH; a space as + (forms) or %20
        StringBuilder percent = new StringBuilder();
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
            percent.append('%').append(hex(b & 0xff, 2));
        }
        alternatives.add(percent.toString());
        if (cp == ' ') {
            alternatives.add("\\+");
        }
        // JSON-escaped, perhaps escaped again: one or more backslashes before the escape
        StringBuilder unicode = new StringBuilder();
        for (char c : Character.toChars(cp)) {
            unicode.append("\\\\+u").append(hex(c, 4));
        }
        alternatives.add(unicode.toString());
        String shortEscape = switch (cp) {
            case '/' -> "/";
            case '"' -> "\"";
            case '\\' -> "\\\\";
            case '\b' -> "b";
            case '\f' -> "f";
            case '\n' -> "n";
            case '\r' -> "r";
            case '\t' -> "t";
            default -> null;
        };
        if (shortEscape != null) {
            alternatives.add("\\\\+" + shortEscape);
        }
        // HTML character references, of any character as any other form
        alternatives.add("&#0*" + cp + ";");
        alternatives.add("&#[xX]0*" + hex(cp, 1) + ";");
        return "(?:" + String.join("|", alternatives) + ")";
    }

    /** {@code value} in hexadecimal, at least {@code digits} long, each letter matching either case. */
    private static String hex(int value, int digits) {
        String h = Integer.toHexString(value);
        StringBuilder re = new StringBuilder();
        for (int pad = digits - h.length(); pad > 0; pad--) {
            re.append('0');
        }
        for (char c : h.toCharArray()) {
            if (Character.isLetter(c)) {
                re.append('[').append(c).append(Character.toUpperCase(c)).append(']');
            } else {
                re.append(c);
            }
        }
        return re.toString();
    }
}
