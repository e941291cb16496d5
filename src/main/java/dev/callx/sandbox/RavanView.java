package dev.callx.sandbox;

/** Ravan's values for a synthetic call; shared by the JSON writers and the session filters. */
final class RavanView {

    /** Out of 100: the share of answered calls whose transcript is not generated yet (an empty {@code transcripts}). */
    static final int TRANSCRIPT_MISSING_PERCENT = 5;
    private static final int SLOT_TRANSCRIPT_MISSING = 23;

    private final Dataset data;
    private final String baseUrl;
    private final Storage storage;

    RavanView(Dataset data, String baseUrl, Storage storage) {
        this.data = data;
        this.baseUrl = baseUrl;
        this.storage = storage;
    }

    Dataset data() {
        return data;
    }

    String id(SyntheticCall c) {
        return c.uuid().toString();
    }

    String callerNumber(SyntheticCall c) {
        return c.inbound() ? data.customer(c).phone() : data.agent(c).line();
    }

    String calleeNumber(SyntheticCall c) {
        return c.inbound() ? data.agent(c).line() : data.customer(c).phone();
    }

    String channel(SyntheticCall c) {
        return Vocabulary.RAVAN_CHANNELS.get(c.channel());
    }

    String status(SyntheticCall c) {
        switch (c.outcome()) {
            case NO_ANSWER:
                return "no_answer";
            case FAILED:
                return "failed";
            default:
                return "completed";
        }
    }

    String disconnectReason(SyntheticCall c) {
        switch (c.outcome()) {
            case USER_HANGUP:
                return "user_hangup";
            case AGENT_HANGUP:
                return "agent_hangup";
            case COMPLETED:
                return "call_completed";
            case NO_ANSWER:
                return "no_answer";
            default:
                return "error";
        }
    }

    String summary(SyntheticCall c) {
        return Conversation.summary(c, data.customer(c).name(), data.agent(c).name());
    }

    String sentiment(SyntheticCall c) {
        return c.outcome().answered() ? Vocabulary.SENTIMENTS.get(c.sentiment()) : null;
    }

    String errorMessage(SyntheticCall c) {
        return c.outcome() == Outcome.FAILED ? Vocabulary.FAILURE_MESSAGES.get(c.pick(1, 3)) : "";
    }

    /** Phone-history's {@code recording_url}: the platform's own API (api-docs/ravan-call-session-detail.txt). */
    String recordingUrl(SyntheticCall c) {
        return c.outcome().answered() ? baseUrl + "/api/v1/calling/sessions/" + id(c) + "/recording" : null;
    }

    /** Call-sessions' and the session detail's {@code recordingUrl}: a pre-signed storage URL. */
    String presignedRecordingUrl(SyntheticCall c) {
        return c.outcome().answered() ? storage.url(RavanRecordings.FOLDER + "/" + id(c) + ".ogg") : null;
    }

    /** Whether the transcript of the call is there: answered, and not among the few not generated yet. */
    boolean hasTranscript(SyntheticCall c) {
        return c.outcome().answered() && c.pick(SLOT_TRANSCRIPT_MISSING, 100) >= TRANSCRIPT_MISSING_PERCENT;
    }

    Integer latencyMs(SyntheticCall c) {
        return c.outcome().answered() ? c.latencyTenths() / 10 : null;
    }

    long startedAtMs(SyntheticCall c) {
        return c.startSecondMs();
    }

    long endedAtMs(SyntheticCall c) {
        return c.startSecondMs() + c.durationSec() * 1000L;
    }

    long createdAtMs(SyntheticCall c) {
        return c.startSecondMs() - 1000L * (1 + c.pick(0, 3));
    }

    int talkSec(SyntheticCall c) {
        return c.outcome().answered() ? (c.durationMs() - c.answerMs()) / 1000 : 0;
    }

    /** Model credits: 1.00 per minute talked, in hundredths. */
    long modelCents(SyntheticCall c) {
        return Math.round(talkSec(c) * 100 / 60.0);
    }

    /** Telephony provider credits: 1.20 per minute connected (none for web calls), in hundredths. */
    long providerCents(SyntheticCall c) {
        return c.channel() == 1 ? 0 : Math.round(c.durationSec() * 120 / 60.0);
    }

    /** A fixed 0.50 per phone or SIP call, in hundredths. */
    long baseCents(SyntheticCall c) {
        return c.channel() == 1 ? 0 : 50;
    }

    long totalCents(SyntheticCall c) {
        return modelCents(c) + providerCents(c) + baseCents(c);
    }

    String telephonyType(SyntheticCall c) {
        return c.channel() == 0 ? "twilio" : c.channel() == 2 ? "sip_trunk" : "webrtc";
    }

    String source(SyntheticCall c) {
        return Vocabulary.SOURCES.get(c.pick(3, Vocabulary.SOURCES.size()));
    }

    String roomId(SyntheticCall c) {
        return "room_" + c.hex(2, 12);
    }

    String intent(SyntheticCall c) {
        return Vocabulary.TOPICS.get(c.topic()).intent();
    }
}
