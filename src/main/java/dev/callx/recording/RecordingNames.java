package dev.callx.recording;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The names of recording files: {@code <id>.<ext>} under {@code DIR/<provider>/}.
 *
 * <p>The id comes from the platform, so it is encoded into a name that can never leave its folder
 * nor be mistaken for another kind of file: letters, digits, {@code -} and {@code _} stay, and so
 * does a dot that is not the first character; every other character (a slash, a backslash, a
 * control character, {@code %}, a space, anything outside ASCII) becomes {@code %XX} per byte of
 * its UTF-8, and so does a leading dot ({@code ..} is {@code %2E.}, no hidden file, no callx
 * temporary file). Distinct ids give distinct names. An encoded name longer than
 * {@value #MAX_NAME} characters keeps its first part and ends in {@code ~} and 16 hex digits of the
 * SHA-256 of the id ({@code ~} is never produced by the encoding, so such a name cannot be another
 * id's), so that the file name stays under the 255 bytes file systems allow.
 *
 * <p>The extension comes from the Content-Type: {@code audio/ogg} {@code .ogg}, {@code audio/mpeg}
 * {@code .mp3}, {@code audio/wav} (and {@code audio/x-wav}, {@code audio/wave}) {@code .wav},
 * {@code audio/mp4} {@code .m4a}, {@code audio/webm} {@code .webm}, {@code audio/flac}
 * {@code .flac}, {@code audio/aac} {@code .aac}; any other, or none, {@code .bin}.
 */
public final class RecordingNames {
    /** Characters of an encoded id at most, before the hashed ending. */
    static final int MAX_NAME = 200;
    private static final int KEEP = MAX_NAME - 17;

    private static final Map<String, String> EXTENSIONS = Map.of(
            "audio/ogg", "ogg", "audio/mpeg", "mp3", "audio/wav", "wav", "audio/x-wav", "wav",
            "audio/wave", "wav", "audio/mp4", "m4a", "audio/webm", "webm", "audio/flac", "flac",
            "audio/aac", "aac");

    private RecordingNames() {
    }

    /** The file name (without extension) for a call id; never empty, never {@code .} or {@code ..}, no separator. */
    public static String fileName(String id) {
        StringBuilder sb = new StringBuilder(id.length() + 8);
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean safe = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '-' || b == '_' || (b == '.' && i > 0);
            if (safe) {
                sb.append((char) b);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b));
            }
        }
        if (sb.length() == 0) {
            return "%"; // the empty id: "%" alone is no encoding of anything
        }
        if (sb.length() > MAX_NAME) {
            return sb.substring(0, KEEP) + "~" + sha256(id);
        }
        return sb.toString();
    }

    /** The extension for a Content-Type header (parameters and case ignored); {@code bin} when unknown or null. */
    public static String extension(String contentType) {
        if (contentType == null) {
            return "bin";
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return EXTENSIONS.getOrDefault(type, "bin");
    }

    private static String sha256(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
