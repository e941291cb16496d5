package dev.callx.sandbox;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ravan AI: phone-history (Bearer token or X-Api-Key), call-sessions, contact calls and the session
 * detail (X-Api-Key), and the recordings phone-history links to (either credential, as
 * phone-history). Errors are {@code {"success":false,"message":"..."}}; bad parameters are 400.
 */
final class RavanApi implements PlatformApi {

    static final String PHONE_HISTORY = "/api/v1/calling/phone-history";
    static final String SESSIONS = "/api/v1/calling/call-sessions";
    private static final Pattern CONTACT_CALLS = Pattern.compile("/api/v1/contacts/([^/]+)/calls");
    private static final Pattern DETAIL = Pattern.compile("/api/v1/calling/call-sessions-detail/([^/]+)");
    private static final Pattern RECORDING = Pattern.compile("/api/v1/calling/sessions/([^/]+)/recording");
    private static final Pattern E164 = Pattern.compile("\\+\\d{8,15}");
    static final int HISTORY_MAX_PAGE_SIZE = 100;
    static final int SESSIONS_MAX_PAGE_SIZE = 500;

    private final RavanView view;
    private final RavanJson json;
    private final RavanRecordings recordings;
    private final String apiKey;
    private final String token;

    RavanApi(Dataset data, String baseUrl, Storage storage, String apiKey, String token) {
        this.view = new RavanView(data, baseUrl, storage);
        this.json = new RavanJson(view);
        this.recordings = new RavanRecordings(view, storage);
        this.apiKey = apiKey;
        this.token = token;
    }

    RavanView view() {
        return view;
    }

    @Override
    public boolean handles(String path) {
        String p = trim(path);
        return p.equals(PHONE_HISTORY) || p.equals(SESSIONS) || CONTACT_CALLS.matcher(p).matches()
                || DETAIL.matcher(p).matches() || RECORDING.matcher(p).matches();
    }

    @Override
    public boolean authorized(Request r) {
        if (r.headerEquals("X-Api-Key", apiKey)) {
            return true;
        }
        String auth = r.header("Authorization");
        String p = trim(r.path());
        return (p.equals(PHONE_HISTORY) || RECORDING.matcher(p).matches())
                && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && auth.substring(7).trim().equals(token);
    }

    @Override
    public Response unauthorized() {
        return error(401, "invalid API key");
    }

    @Override
    public Response error(int status, String message) {
        return Response.json(status, g -> {
            g.writeStartObject();
            g.writeBooleanField("success", false);
            g.writeStringField("message", message);
            g.writeEndObject();
        });
    }

    @Override
    public Response handle(Request r) {
        String p = trim(r.path());
        if (p.equals(PHONE_HISTORY)) {
            return phoneHistory(r);
        }
        if (p.equals(SESSIONS)) {
            return sessions(r);
        }
        Matcher m = CONTACT_CALLS.matcher(p);
        if (m.matches()) {
            return contactCalls(m.group(1));
        }
        m = DETAIL.matcher(p);
        if (m.matches()) {
            return detail(m.group(1));
        }
        m = RECORDING.matcher(p);
        if (m.matches()) {
            Response audio = recordings.apiRecording(m.group(1));
            return audio != null ? audio : error(404, "recording not found");
        }
        return error(404, "not found");
    }

    /** Indices of the calls whose caller or callee number is {@code phone}, newest first. */
    int[] phoneMatches(String phone) {
        Dataset d = view.data();
        int customer = d.customers().indexOfPhone(phone);
        boolean[] agentLine = new boolean[d.agents().size()];
        boolean any = customer >= 0;
        for (int a = 0; a < agentLine.length; a++) {
            agentLine[a] = d.agents().get(a).line().equals(phone);
            any |= agentLine[a];
        }
        if (!any || d.size() == 0) {
            return new int[0];
        }
        return Arrays.stream(d.all()).filter(c -> c.customer() == customer || agentLine[c.agent()])
                .mapToInt(SyntheticCall::index).toArray();
    }

    /** Indices of the calls of a contact, newest first; null when there is no such contact. */
    int[] contactMatches(String contactId) {
        Dataset d = view.data();
        int k = Customer.indexOf(contactId);
        if (k < 0 || k >= d.customers().count()) {
            return null;
        }
        if (d.size() == 0) {
            return new int[0];
        }
        return Arrays.stream(d.all()).filter(c -> c.customer() == k).mapToInt(SyntheticCall::index).toArray();
    }

    private Response phoneHistory(Request r) {
        String phone = r.param("phone");
        if (phone == null || phone.isEmpty()) {
            throw new ApiException(error(400, "phone is required"));
        }
        if (!E164.matcher(phone).matches()) {
            String hint = phone.startsWith(" ") ? " (a '+' in a query string must be sent as %2B)" : "";
            throw new ApiException(error(400, "phone must be in E.164 format, e.g. +14155550100" + hint));
        }
        int page = intParam(r, "page", 1, 1, Integer.MAX_VALUE);
        int pageSize = intParam(r, "page_size", 20, 1, HISTORY_MAX_PAGE_SIZE);
        boolean transcripts = "true".equalsIgnoreCase(r.param("include_transcripts"))
                || "1".equals(r.param("include_transcripts"));
        int[] matches = phoneMatches(phone);
        long from = (long) (page - 1) * pageSize;
        int to = (int) Math.min(matches.length, from + pageSize);
        return Response.json(200, g -> {
            g.writeStartObject();
            g.writeBooleanField("success", true);
            g.writeStringField("message", "call history retrieved successfully");
            g.writeStringField("phone", phone);
            g.writeNumberField("total_count", matches.length);
            g.writeNumberField("page", page);
            g.writeNumberField("page_size", pageSize);
            g.writeArrayFieldStart("calls");
            for (long k = from; k < to; k++) {
                json.historyCall(g, view.data().call(matches[(int) k]), transcripts);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private Response sessions(Request r) {
        int page = intParam(r, "page", 1, 1, Integer.MAX_VALUE);
        int pageSize = intParam(r, "page_size", 20, 1, SESSIONS_MAX_PAGE_SIZE);
        SessionQuery query;
        try {
            query = SessionQuery.parse(r.params());
        } catch (IllegalArgumentException e) {
            throw new ApiException(error(400, e.getMessage()));
        }
        SessionQuery.Order order = query.run(view);
        long from = (long) (page - 1) * pageSize;
        int to = (int) Math.min(order.size(), from + pageSize);
        return Response.json(200, g -> {
            g.writeStartObject();
            g.writeBooleanField("success", true);
            g.writeStringField("message", "call sessions retrieved successfully");
            g.writeObjectFieldStart("data");
            g.writeArrayFieldStart("callSessions");
            for (long k = from; k < to; k++) {
                json.session(g, view.data().call(order.index((int) k)));
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private Response contactCalls(String contactId) {
        int[] calls = contactMatches(contactId);
        if (calls == null) {
            throw new ApiException(error(404, "contact not found"));
        }
        return Response.json(200, g -> {
            g.writeStartObject();
            g.writeBooleanField("success", true);
            g.writeStringField("message", "contact calls retrieved successfully");
            g.writeArrayFieldStart("data");
            for (int i : calls) {
                json.session(g, view.data().call(i));
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private Response detail(String id) {
        SyntheticCall c = recordings.call(id);
        if (c == null) {
            throw new ApiException(error(404, "call session not found"));
        }
        return Response.json(200, g -> {
            g.writeStartObject();
            g.writeBooleanField("success", true);
            g.writeStringField("message", "call session retrieved successfully");
            g.writeFieldName("data");
            json.detail(g, c);
            g.writeEndObject();
        });
    }

    private int intParam(Request r, String name, int def, int min, int max) {
        String s = r.param(name);
        if (s == null || s.isBlank()) {
            return def;
        }
        String range = max == Integer.MAX_VALUE ? " >= " + min : " between " + min + " and " + max;
        try {
            int v = Integer.parseInt(s.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the error
        }
        throw new ApiException(error(400, name + " must be an integer" + range + ", got \"" + s + "\""));
    }

    private static String trim(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
