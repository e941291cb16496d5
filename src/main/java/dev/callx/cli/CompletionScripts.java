package dev.callx.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The completion scripts (bash, zsh, fish) and man pages, generated from the command tree. The
 * build runs {@link #main} into target/; the committed completions/ and man/ must be what the tree
 * generates, which a test checks. They are never edited by hand.
 */
public final class CompletionScripts {
    static final String HEADER = "Generated from callx's command tree (dev.callx.cli.CompletionScripts): do not edit.";

    /** The shells there is a script for. */
    enum Shell {
        BASH("callx.bash"), ZSH("_callx"), FISH("callx.fish");

        final String fileName;

        Shell(String fileName) {
            this.fileName = fileName;
        }
    }

    private CompletionScripts() {
    }

    /** The script for the current command tree. */
    static String script(Shell shell) {
        CommandModel model = CommandModel.of();
        return switch (shell) {
            case BASH -> BashCompletion.script(model);
            case ZSH -> ZshCompletion.script(model);
            case FISH -> FishCompletion.script(model);
        };
    }

    /** Every generated file, by its path under the project folder (completions/..., man/...). */
    public static Map<String, String> files() {
        CommandModel model = CommandModel.of();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("completions/" + Shell.BASH.fileName, BashCompletion.script(model));
        files.put("completions/" + Shell.ZSH.fileName, ZshCompletion.script(model));
        files.put("completions/" + Shell.FISH.fileName, FishCompletion.script(model));
        ManPages.pages(model).forEach((name, page) -> files.put("man/" + name, page));
        return files;
    }

    /** Writes every generated file under the folder given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompletionScripts OUTPUT_FOLDER");
        }
        for (Map.Entry<String, String> f : files().entrySet()) {
            Path out = Path.of(args[0]).resolve(f.getKey());
            Files.createDirectories(out.getParent());
            Files.writeString(out, f.getValue(), StandardCharsets.UTF_8);
        }
    }
}
