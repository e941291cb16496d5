package dev.callx.cli;

import dev.callx.export.TimeWindow;
import dev.callx.provider.Endpoint;
import dev.callx.provider.ravan.CallSessionsEndpoint;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "sessions",
        description = {"Ravan AI: call sessions, filtered on the server.", "Calls GET /api/v1/calling/call-sessions."},
        footerHeading = "%nExamples:%n",
        footer = {"  callx sessions --since 24h -f sessions.csv",
                "  callx sessions --agent agt_123 --status completed --sort-order asc",
                "  callx sessions --caller +14155550100 --search refund -o table",
                "",
                "--since/--until are sent as started_after/started_before; with --state, so is",
                "the start of the window the state gives.",
                "Credentials: RAVAN_API_KEY."})
final class SessionsCommand extends ExportCommand {
    @Option(names = "--agent", paramLabel = "ID", description = "Only this agent's calls (agent_id).")
    String agent;

    @Option(names = "--status", paramLabel = "S", description = "Only calls in this status (status).")
    String status;

    @Option(names = "--channel", paramLabel = "C", description = "Only this channel, e.g. voice, web, sip (channel).")
    String channel;

    @Option(names = "--caller", paramLabel = "E164", description = "Only calls from this number (caller_number).")
    String caller;

    @Option(names = "--search", paramLabel = "TEXT", description = "Free-text search (search).")
    String search;

    @Option(names = "--sort-by", paramLabel = "F", description = "Sort field (sort_by).")
    String sortBy;

    @Option(names = "--sort-order", paramLabel = "ORDER", completionCandidates = Completions.SortOrders.class,
            description = "asc or desc (ascending and descending work too), sent as sort_order=asc|desc.")
    SortOrder sortOrder;

    @Option(names = "--page-size", paramLabel = "N",
            description = "Records per request (default: " + CallSessionsEndpoint.PAGE_SIZE
                    + "; Ravan documents no maximum).")
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

    @Override
    Endpoint endpoint(TimeWindow window, Instant runStart) {
        if (caller != null) {
            requireE164("--caller", caller, caller);
        }
        return new CallSessionsEndpoint(new CallSessionsEndpoint.Filters(agent, status, channel, caller, search,
                sortBy, sortOrder == null ? null : sortOrder.shortName(), iso(window.since()), iso(before(window.until(), runStart))));
    }

    @Override
    List<String> stateFilters() {
        List<String> f = new ArrayList<>();
        filter(f, "--agent", agent);
        filter(f, "--status", status);
        filter(f, "--channel", channel);
        filter(f, "--caller", caller);
        filter(f, "--search", search);
        return f;
    }

    /** The earlier of --until and the start of the run: calls that arrive while paging never count. */
    private static Instant before(Instant until, Instant runStart) {
        return until != null && until.isBefore(runStart) ? until : runStart;
    }

    /** ISO 8601 UTC to the millisecond: what strict parsers accept. */
    private static String iso(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }
}
