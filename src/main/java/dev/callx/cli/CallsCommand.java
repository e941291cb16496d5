package dev.callx.cli;

import dev.callx.export.TimeWindow;
import dev.callx.provider.Endpoint;
import java.time.Instant;
import dev.callx.provider.zudu.ZuduCallsEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "calls",
        description = {"Zudu AI: the list of calls.", "Calls GET /api/calls."},
        footerHeading = "%nExamples:%n",
        footer = {"  callx calls -f calls.jsonl",
                "  callx calls --sort-order ascending --since 7d -o csv",
                "  ZUDU_BASE_URL=https://zudu.internal.example callx calls --limit 10",
                "",
                "Pages count from 0. --since/--until filter on the client. With --since or",
                "--state and no sort given, callx asks for the newest calls first and stops",
                "at the first page older than the window (when the page confirms the order).",
                "Credentials: ZUDU_API_KEY and ZUDU_API_SECRET;",
                "ZUDU_BASE_URL for a self-hosted Zudu."})
final class CallsCommand extends ExportCommand {
    @Option(names = "--sort-order", paramLabel = "ORDER", completionCandidates = Completions.SortOrders.class,
            description = "ascending or descending (asc and desc work too), sent as "
                    + "sort_order=ascending|descending.")
    SortOrder sortOrder;

    @Option(names = "--sort-by", paramLabel = "F", description = "Sort field, e.g. start_timestamp (sort_by).")
    String sortBy;

    @Option(names = "--page-size", paramLabel = "N",
            description = "Records per request, sent as limit (default: " + ZuduCallsEndpoint.PAGE_SIZE
                    + "; Zudu documents no maximum).")
    Integer pageSize;

    @Option(names = "--page", paramLabel = "N",
            description = "Fetch only page N, no auto-paging (Zudu counts pages from 0).")
    Long page;

    @Override
    Integer pageSize() {
        return pageSize;
    }

    @Override
    Long page() {
        return page;
    }

    @Override
    Endpoint endpoint(TimeWindow window, Instant runStart) {
        if (sortOrder == null && sortBy == null && windowHasStart()) {
            // newest first, as the page echoes it: paging can stop at the first page older than the window
            return new ZuduCallsEndpoint(ZuduCallsEndpoint.DESCENDING, ZuduCallsEndpoint.START_TIMESTAMP);
        }
        return new ZuduCallsEndpoint(sortOrder == null ? null : sortOrder.longName(), sortBy);
    }
}
