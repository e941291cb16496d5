package dev.callx.cli;

import dev.callx.export.TimeWindow;
import dev.callx.provider.Endpoint;
import java.time.Instant;
import java.time.ZoneId;
import dev.callx.provider.vaani.VaaniCallHistoryEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "vaani",
        description = {"Vaani Voice: the call history.", "Calls GET /api/call-history."},
        footerHeading = "%nExamples:%n",
        footer = {"  callx vaani --since 24h | jq -r .to_number",
                "  callx vaani --since 2026-11-01 --until 2026-11-02 -f nov1.csv",
                "  callx vaani --assume-tz Asia/Kolkata --tz Asia/Kolkata -o table",
                "",
                "The API filters nothing: --since/--until filter on the client, and",
                "--since and --state read the whole list (it does not state its order).",
                "Its timestamps carry no zone: they are read in --assume-tz (default UTC).",
                "Credentials: VAANI_API_KEY."})
final class VaaniCommand extends ExportCommand {
    @Option(names = "--page-size", paramLabel = "N",
            description = "Records per request, 1 to " + VaaniCallHistoryEndpoint.MAX_PAGE_SIZE + " (default: "
                    + VaaniCallHistoryEndpoint.MAX_PAGE_SIZE + ", the most Vaani allows).")
    Integer pageSize;

    @Option(names = "--page", paramLabel = "N",
            description = "Fetch only page N, no auto-paging (pages count from 1).")
    Long page;

    @Override
    Integer pageSize() {
        return pageSize;
    }

    @Override
    Long page() {
        return page;
    }

    @Option(names = "--assume-tz", paramLabel = "ZONE", defaultValue = "UTC",
            completionCandidates = Completions.Zones.class,
            description = "Read Vaani's timestamps, which carry no zone, in ZONE (default: ${DEFAULT-VALUE}).")
    String assumeTz;

    @Override
    ZoneId assumeZone() {
        return Args.zone("--assume-tz", assumeTz);
    }

    @Override
    Endpoint endpoint(TimeWindow window, Instant runStart) {
        return new VaaniCallHistoryEndpoint();
    }
}
