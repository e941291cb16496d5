package dev.callx.cli;

import dev.callx.error.CallxException;
import dev.callx.sandbox.Sandbox;
import dev.callx.sandbox.SandboxConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Serve the five endpoints locally with synthetic data.",
                "For trying callx, or testing a pipeline without touching production.",
                "Listens on 127.0.0.1 until Ctrl-C."},
        footerHeading = "%nExamples:%n",
        footer = {"  callx sandbox --port 8080 --calls 5000",
                "  callx sandbox --latency 20ms --error-rate 0.05 --rate-limit-rate 0.05",
                "  callx --sandbox vaani --limit 10     (an in-process sandbox for one command)"})
final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CallxCommand parent;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0",
            description = "The port (default: a free one).")
    int port;

    @Option(names = "--calls", paramLabel = "N", defaultValue = "1000",
            description = "Synthetic calls per platform (default: ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "The seed: the same seed gives the same data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--latency", paramLabel = "DURATION", defaultValue = "0ms",
            description = "Delay added to every request, e.g. 20ms (default: none).")
    String latency;

    @Option(names = "--error-rate", paramLabel = "R", defaultValue = "0",
            description = "Share of requests answered 503, from 0 to 1 (default: 0).")
    double errorRate;

    @Option(names = "--rate-limit-rate", paramLabel = "R", defaultValue = "0",
            description = "Share of requests answered 429 with Retry-After, from 0 to 1 (default: 0).")
    double rateLimitRate;

    @Override
    public Integer call() throws IOException {
        AppContext ctx = parent.context();
        if (parent.sandbox()) {
            throw CallxException.usage("--sandbox runs an export command against an in-process sandbox; "
                    + "'callx sandbox' alone serves one");
        }
        if (calls < 0) {
            throw CallxException.usage("--calls must be 0 or more");
        }
        if (!(errorRate >= 0 && errorRate <= 1) || !(rateLimitRate >= 0 && rateLimitRate <= 1)) {
            throw CallxException.usage("--error-rate and --rate-limit-rate must be between 0 and 1");
        }
        if (port < 0 || port > 65535) {
            throw CallxException.usage("--port must be between 0 and 65535");
        }
        SandboxConfig config;
        try {
            config = SandboxConfig.defaults().withPort(port).withCalls(calls).withSeed(seed)
                    .withLatency(Args.duration("--latency", latency)).withErrorRate(errorRate)
                    .withRateLimitRate(rateLimitRate)
                    .withAnchor(ctx.clock().instant().truncatedTo(ChronoUnit.MINUTES));
        } catch (IllegalArgumentException e) {
            throw CallxException.usage(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(config);
        } catch (java.net.BindException e) {
            throw CallxException.usage("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        Runnable stop = () -> {
            sandbox.close();
            stopped.countDown();
        };
        ctx.cleanup().register(stop);
        PrintWriter out = spec.commandLine().getOut();
        out.print(banner(sandbox));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ctx.cleanup().unregister(stop);
            sandbox.close();
        }
        return 0;
    }

    /** What the sandbox accepts and how to use it. */
    static String banner(Sandbox sandbox) {
        StringBuilder sb = new StringBuilder();
        String url = sandbox.baseUrl();
        sb.append("callx sandbox: serving Ravan AI, Vaani Voice and Zudu AI on ").append(url).append('\n');
        sb.append("  ").append(sandbox.config().calls()).append(" calls per platform, seed ")
                .append(sandbox.config().seed()).append(". Stop with Ctrl-C.\n\n");
        sb.append("In another shell:\n");
        sandbox.credentials().forEach((k, v) -> sb.append("  export ").append(k).append('=').append(v).append('\n'));
        for (String env : new String[] {"RAVAN_BASE_URL", "VAANI_BASE_URL", "ZUDU_BASE_URL"}) {
            sb.append("  export ").append(env).append('=').append(url).append('\n');
        }
        sb.append("\nThen, for example:\n");
        sb.append("  callx vaani --limit 10 -o table\n");
        sb.append("  callx calls -f calls.csv\n");
        sb.append("  callx sessions --since 7d --status completed\n");
        sb.append("  callx phone-history ").append(sandbox.examplePhone()).append('\n');
        sb.append("  callx contact-calls ").append(sandbox.exampleContactId()).append('\n');
        sb.append("  callx vaani --limit 20 --transcripts --recordings recordings --redact\n");
        return sb.toString();
    }
}
