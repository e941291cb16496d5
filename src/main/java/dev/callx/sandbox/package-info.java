/**
 * {@code callx sandbox}: a local stand-in for the Ravan AI, Vaani Voice and Zudu AI call APIs.
 *
 * <p>{@link dev.callx.sandbox.Sandbox} serves all five documented list endpoints on one port of
 * 127.0.0.1 with the JDK's {@code com.sun.net.httpserver}:
 * <ul>
 *   <li>Ravan {@code GET /api/v1/calling/phone-history}: {@code phone} (E.164, required),
 *       {@code page} from 1, {@code page_size} 20 by default, at most 100, {@code include_transcripts};
 *       {@code Authorization: Bearer <RAVAN_TOKEN>} or {@code X-Api-Key}. A call matches when the
 *       phone is its caller or its callee number.</li>
 *   <li>Ravan {@code GET /api/v1/calling/call-sessions}: {@code X-Api-Key}; {@code page} from 1,
 *       {@code page_size} 20 by default, at most 500; filters agent_id, status, channel,
 *       caller_number (exact), search (case-insensitive, over summary, caller name and both numbers),
 *       started_after (inclusive), started_before (exclusive); sort_by startedAt (default),
 *       durationSec, costTotal, createdAt; sort_order desc (default) or asc. No total: a short
 *       page is the last.</li>
 *   <li>Ravan {@code GET /api/v1/contacts/{id}/calls}: {@code X-Api-Key}; every call of the
 *       contact in one response; unknown id: 404.</li>
 *   <li>Vaani {@code GET /api/call-history}: {@code X-API-Key}; {@code page} from 1,
 *       {@code page_size} 50 by default, at most 200; FastAPI-style 422 for bad values.</li>
 *   <li>Zudu {@code GET /api/calls}: {@code X-API-KEY} and {@code X-API-SECRET}; {@code page}
 *       from 0, {@code limit} 20 by default, at most 500; sort_order descending (default) or
 *       ascending; sort_by start_timestamp (default), end_timestamp, call_duration.</li>
 * </ul>
 *
 * <p>Per call (SPEC section 10), with the same auth, fault injection and error shapes:
 * <ul>
 *   <li>Vaani {@code GET /api/transcript/{call_id}} ({@code AGENT:}/{@code USER:} turns) and
 *       {@code GET /api/stream/{call_id}} (audio/ogg or audio/mpeg bytes with Content-Length); 404 in
 *       the documented shapes for unanswered calls and a deterministic 5% of the others each
 *       (not generated yet); 422 without a call id.</li>
 *   <li>Ravan {@code GET /api/v1/calling/call-sessions-detail/{id}} (X-Api-Key; snake_case, with the
 *       same {@code transcripts} as phone-history, empty for unanswered calls and 5% of the others),
 *       and {@code GET /api/v1/calling/sessions/{id}/recording}, phone-history's
 *       {@code recording_url} (X-Api-Key or Bearer; 404 for 5% of the answered calls).</li>
 *   <li>Storage ({@link dev.callx.sandbox.Sandbox#storageUrl()}, another loopback port, so another
 *       origin): the pre-signed {@code recording_url}s of Zudu ({@code audio/mp4}) and of Ravan's
 *       call sessions and session detail ({@code audio/ogg}), {@code ?expires=...&signature=...};
 *       GET and HEAD; refuses any platform credential header (400), a wrong signature (403); XML
 *       errors; 404 for 5% of the answered calls.</li>
 * </ul>
 * Recordings are deterministic bytes with the magic bytes of their type, 2 KiB plus 200 bytes per
 * second talked.
 *
 * <p>Every request: latency sleep; unknown path 404; not GET 405; bad credentials 401 in the
 * platform's error shape; then fault injection (503, or 429 with {@code Retry-After: 1});
 * then parameter validation (Ravan 400 {@code {success:false,message}}, Vaani 422
 * {@code {detail:[...]}}, Zudu 400 {@code {message,status:"error",error,data:null}}).
 *
 * <p>Data: {@code calls} calls per platform, newest first, spread over the 90 days before the
 * anchor (the newest starts at least 30 minutes before it), a function of (seed, calls, anchor)
 * only: ids do not depend on the anchor. Customers, one per 20 calls ({@code ct_0001}...), are
 * shared by the platforms and keep one name, e-mail and phone number (+1 or +91) across their calls.
 */
package dev.callx.sandbox;
