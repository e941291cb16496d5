package dev.callx.cli;

import dev.callx.export.TimeWindow;
import dev.callx.provider.Endpoint;
import java.time.Instant;
import java.util.List;
import dev.callx.provider.ravan.PhoneHistoryEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "phone-history",
        description = {"Ravan AI: every call with one phone number.", "Calls GET /api/v1/calling/phone-history."},
        footerHeading = "%nExamples:%n",
        footer = {"  callx phone-history +14155550100",
                "  callx phone-history +14155550100 --transcripts -o json",
                "  callx phone-history +919876543210 -f calls.csv",
                "",
                "--since and --state read the whole list (it does not state its order).",
                "Credentials: RAVAN_TOKEN (Bearer) or RAVAN_API_KEY (X-Api-Key);",
                "RAVAN_BASE_URL overrides the URL."})
final class PhoneHistoryCommand extends ExportCommand {
    @Parameters(index = "0", paramLabel = "PHONE", description = "The phone number, E.164: + and 8 to 15 digits.")
    String phone;

    @Option(names = "--page-size", paramLabel = "N",
            description = "Records per request, 1 to " + PhoneHistoryEndpoint.MAX_PAGE_SIZE + " (default: "
                    + PhoneHistoryEndpoint.MAX_PAGE_SIZE + ", the most Ravan allows).")
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
    List<String> stateFilters() {
        return List.of("PHONE=" + phone.trim());
    }

    @Override
    Endpoint endpoint(TimeWindow window, Instant runStart) {
        String p = phone.trim();
        requireE164("PHONE", p, phone);
        return new PhoneHistoryEndpoint(p, content.transcripts);
    }
}
