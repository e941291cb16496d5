package dev.callx.transcript;

/**
 * One turn of a conversation, as received: {@code role} and {@code content} may be null or
 * unnormalized; {@link Transcripts#render} normalizes both.
 */
public record Turn(String role, String content) {
}
