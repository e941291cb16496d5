package dev.callx.provider.ravan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.error.CallxException;
import dev.callx.paging.Page;
import dev.callx.provider.Paging;
import dev.callx.transcript.TranscriptSource;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/contacts/{id}/calls}: one response, no paging (api-docs/ravan-contact-calls.txt). */
public final class ContactCallsEndpoint extends RavanEndpoint {
    private final String contactId;

    public ContactCallsEndpoint(String contactId) {
        super(List.of("api", "v1", "contacts", segment(contactId), "calls"), Map.of(), Paging.NONE);
        this.contactId = contactId;
    }

    /** The id as one path segment; "." and ".." would be read as path steps and call another endpoint. */
    private static String segment(String contactId) {
        if (contactId.equals(".") || contactId.equals("..")) {
            throw CallxException.usage("CONTACT_ID '" + contactId + "' is not a contact id");
        }
        return contactId;
    }

    @Override
    public String what(long page) {
        return "the calls of contact " + contactId;
    }

    @Override
    public Page parse(JsonNode body, String what) {
        checkSuccess(body, what);
        JsonNode data = at(body, "data");
        if (data != null && data.isObject() && data.has("callSessions")) {
            return Page.of(requireArray(body, "data.callSessions", what));
        }
        return Page.of(requireArray(body, "data", what));
    }

    /** No transcript in the list: the session detail has it. */
    @Override
    public TranscriptSource transcripts() {
        return SESSION_DETAIL;
    }
}
