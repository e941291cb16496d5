package dev.callx.cli;

import dev.callx.export.TimeWindow;
import dev.callx.provider.Endpoint;
import java.time.Instant;
import dev.callx.provider.vaani.VaaniCallHistoryEndpoint;
import picocli.CommandLine.Command;

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
    @Override
    Endpoint endpoint(TimeWindow window, Instant runStart) {
        return new VaaniCallHistoryEndpoint();
    }
}
