package dev.callx.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Generates the bash completion script (which zsh also uses, through bashcompinit) from the command
 * tree. The build runs it into target/completions/; a test fails when the committed
 * completions/callx.bash differs from what the tree generates.
 */
public final class CompletionScript {
    private CompletionScript() {
    }

    /** The script for the current command tree. */
    public static String generate() {
        return AutoComplete.bash("callx", CallxCommand.commandLine(new CallxCommand()));
    }

    /** Writes the script to the path given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompletionScript OUTPUT_FILE");
        }
        Path out = Path.of(args[0]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, generate(), StandardCharsets.UTF_8);
    }
}
