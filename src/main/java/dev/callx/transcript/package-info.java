/**
 * Transcripts (SPEC section 10, issue 11.1): every platform's transcript shape turned into the one
 * normalized rendering of the {@code transcript} field.
 *
 * <p>The rendering, the same for every platform: one turn per line, {@code role: content}, lines
 * joined by {@code \n} with no newline after the last, in the order the platform gave the turns.
 * <ul>
 *   <li>Roles are lower case. The agent's side is {@code agent} (also for {@code assistant},
 *       {@code bot}, {@code ai}, {@code model}); the caller's side is {@code user} (also for
 *       {@code human}, {@code customer}, {@code caller}); {@code tool} and {@code function} are
 *       {@code tool}; any other role is kept, lower-cased, with characters other than letters,
 *       digits, {@code _} and {@code -} replaced by {@code _}. A turn without a role, or text
 *       before the first speaker label, is {@code unknown}.</li>
 *   <li>Content is trimmed and its line breaks (with the blanks around them) become one space, so
 *       a turn never spans two lines. A turn without content is left out.</li>
 *   <li>No turn at all is null, never an empty string.</li>
 * </ul>
 *
 * <p>{@link dev.callx.transcript.Transcripts} reads the shapes found inside list records (Ravan's
 * {@code transcripts} array, Zudu's {@code transcript}/{@code transcript_object}, labelled text);
 * {@link dev.callx.transcript.DetailBodies} reads the bodies of the per-call endpoints (Vaani's
 * transcript endpoint, Ravan's session detail). All functions are pure and thread-safe.
 */
package dev.callx.transcript;
