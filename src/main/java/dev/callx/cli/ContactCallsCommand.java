package dev.callx.cli;

import dev.callx.export.TimeWindow;
import dev.callx.provider.Endpoint;
import java.time.Instant;
import java.util.List;
import dev.callx.provider.ravan.ContactCallsEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

@Command(mixinStandardHelpOptions = true, name = "contact-calls",
        description = {"Ravan AI: every call of one contact.", "Calls GET /api/v1/contacts/{id}/calls."},
        footerHeading = "%nExamples:%n",
        footer = {"  callx contact-calls ct_0001",
                "  callx contact-calls ct_0001 --fields started_at,status,summary -o csv",
                "",
                "One response, no paging. Credentials: RAVAN_API_KEY."})
final class ContactCallsCommand extends ExportCommand {
    @Parameters(index = "0", paramLabel = "CONTACT_ID", description = "The contact's id.")
    String contactId;

    @Override
    List<String> stateFilters() {
        return List.of("CONTACT_ID=" + contactId.trim());
    }

    @Override
    Endpoint endpoint(TimeWindow window, Instant runStart) {
        if (contactId.isBlank()) {
            throw new ParameterException(spec.commandLine(), "CONTACT_ID must not be empty");
        }
        return new ContactCallsEndpoint(contactId.trim());
    }
}
