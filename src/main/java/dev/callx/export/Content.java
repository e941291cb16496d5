package dev.callx.export;

import dev.callx.redact.Redactor;
import java.nio.file.Path;

/**
 * What an export does with the conversation itself (SPEC section 10, issue 11).
 *
 * @param transcripts --transcripts: fill {@code transcript} for every platform
 * @param recordings  --recordings DIR, or null
 * @param redactor    --redact: the redactor (keyed or masking), or null
 */
public record Content(boolean transcripts, Path recordings, Redactor redactor) {
    /** None of the three. */
    public static final Content NONE = new Content(false, null, null);
}
