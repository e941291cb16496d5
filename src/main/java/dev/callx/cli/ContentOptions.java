package dev.callx.cli;

import dev.callx.export.Content;
import dev.callx.output.Format;
import dev.callx.output.OutputOptions;
import dev.callx.record.Field;
import dev.callx.redact.Redactor;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The conversation itself, on every export command (SPEC section 10): transcripts, recordings, redaction. */
final class ContentOptions {
    @Option(names = "--transcripts",
            description = "Fill transcript for every platform: phone-history asks for them in its pages "
                    + "(include_transcripts=true) and Zudu has them there, at no extra request; vaani, sessions "
                    + "and contact-calls cost one request per call. A transcript not there yet stays empty.")
    boolean transcripts;

    @Option(names = "--recordings", paramLabel = "DIR",
            description = "Download each call's recording to DIR/<provider>/<id>.<ext> (one request per call "
                    + "with a recording; a file already complete is not downloaded again) and add the field "
                    + "recording_file. Recordings that could not be had are listed and make the exit code 8.")
    Path recordings;

    @Option(names = "--redact",
            description = "Replace phone numbers, e-mail addresses, caller names and card numbers in everything "
                    + "written (every format, --raw too): by tokens keyed with CALLX_REDACT_KEY, else by masks.")
    boolean redact;

    Content content(Map<String, String> env) {
        return new Content(transcripts, recordings, redact ? new Redactor(env.get(Redactor.KEY_ENV)) : null);
    }

    /** With --recordings and no --fields, recording_file comes after every other field (not in a table). */
    OutputOptions output(OutputOptions options, boolean fieldsGiven) {
        if (recordings == null || fieldsGiven || options.raw() || options.format() == Format.TABLE) {
            return options;
        }
        return new OutputOptions(options.format(), Field.withRecordingFile(), options.raw(), options.header(),
                options.zone(), options.csvSafe(), options.width());
    }
}
