package dev.callx.cli;

import dev.callx.export.Cleanup;
import dev.callx.sandbox.Sandbox;
import dev.callx.sandbox.SandboxConfig;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The training run of the JVM's class archive (CDS) or AOT cache, which bin/callx records once per
 * build and JDK: what users' runs load, so that every one of them starts from an archive of it,
 * whatever ran first. A one-off lookup, an export of each command in each format, the in-process
 * sandbox of the quick start and the help, run as {@link Main} runs them (the real environment,
 * stdout and stderr), against a sandbox started here and reached over HTTP on 127.0.0.1.
 *
 * <p>The records go to stdout (bin/callx discards them). Exit 0 when every run exited 0; otherwise
 * the failed run is named on stderr, exit 1, and bin/callx keeps no archive from it.
 */
final class TrainingRun {
    private TrainingRun() {
    }

    public static void main(String[] args) throws IOException {
        StdoutStream stdout = new StdoutStream(new FileOutputStream(FileDescriptor.out));
        int failed = run(System.getenv(), Main.stdoutWriter(stdout), Main.stderrWriter(), stdout::failure);
        System.exit(failed == 0 ? 0 : 1);
    }

    /**
     * Settings of the user's environment that would send the training runs elsewhere than the
     * in-process sandbox on loopback, or make them fail: proxies, the config file and profile, a CA
     * bundle. A training run that fails leaves no archive, so every later start would pay.
     */
    static boolean wouldSteerAway(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith("_proxy") || n.startsWith("callx_") || n.equals("ssl_cert_file");
    }

    /** Runs every training command against a sandbox of its own; returns how many did not exit 0. */
    static int run(Map<String, String> baseEnv, PrintWriter out, PrintWriter err,
                   Supplier<IOException> stdoutFailure) throws IOException {
        SandboxConfig config = SandboxConfig.defaults().withAnchor(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        int failed = 0;
        try (Sandbox sandbox = Sandbox.start(config)) {
            Map<String, String> env = new HashMap<>(baseEnv);
            env.keySet().removeIf(TrainingRun::wouldSteerAway);
            env.putAll(sandbox.credentials());
            for (String name : new String[] {"RAVAN_BASE_URL", "VAANI_BASE_URL", "ZUDU_BASE_URL"}) {
                env.put(name, sandbox.baseUrl());
            }
            List<String[]> runs = List.of(
                    new String[] {"phone-history", sandbox.examplePhone(), "-o", "jsonl"},
                    new String[] {"vaani", "--limit", "500", "-o", "csv"},
                    new String[] {"calls", "--limit", "500", "-o", "jsonl"},
                    new String[] {"sessions", "--limit", "500", "--since", "30d", "-o", "json"},
                    new String[] {"contact-calls", sandbox.exampleContactId(), "-o", "table"},
                    new String[] {"--sandbox", "vaani", "--limit", "10", "-o", "table"},
                    new String[] {"--help"});
            for (String[] run : runs) {
                AppContext context = AppContext.system(new Cleanup()).withEnv(env).withStdoutFailure(stdoutFailure);
                int code = Main.run(context, out, err, run);
                if (code != 0) {
                    err.println("callx training run: 'callx " + String.join(" ", run) + "' exited " + code);
                    failed++;
                }
            }
        }
        return failed;
    }
}
