package dev.callx.sandbox;

/**
 * Ravan's recordings: {@code GET /api/v1/calling/sessions/{id}/recording} on the platform's API
 * (phone-history's {@code recording_url}; X-Api-Key or the Bearer token), and the same recordings
 * in {@link Storage} under {@code ravan/<id>.ogg} (call-sessions' pre-signed {@code recordingUrl}).
 * Calls that were not answered, and a deterministic 5% of the others, have none: 404.
 */
final class RavanRecordings {

    static final String FOLDER = "ravan";
    private static final long AUDIO_SALT = 0x524156414EL;

    private final IdIndex ids;

    RavanRecordings(RavanView view, Storage storage) {
        this.ids = new IdIndex(view.data(), view::id);
        storage.folder(FOLDER, name -> {
            if (!name.endsWith(".ogg")) {
                return null;
            }
            SyntheticCall c = ids.find(name.substring(0, name.length() - 4));
            return c == null || !Audio.exists(c) ? null
                    : new Storage.Blob(Audio.Format.OGG.contentType, Audio.bytes(c, Audio.Format.OGG, AUDIO_SALT));
        });
    }

    /** The call with this session id, or null. */
    SyntheticCall call(String id) {
        return ids.find(id);
    }

    /** The API's answer: the recording as Ogg or MPEG, or null when there is none. */
    Response apiRecording(String id) {
        SyntheticCall c = ids.find(id);
        if (c == null || !Audio.exists(c)) {
            return null;
        }
        Audio.Format format = Audio.oggOrMpeg(c);
        return Response.bytes(200, format.contentType, Audio.bytes(c, format, AUDIO_SALT));
    }
}
