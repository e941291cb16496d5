package dev.callx.redact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes personal data (SPEC section 10, issue 11.3): phone numbers, e-mail addresses, caller
 * names and card numbers, from fields and from free text, in normalized records and in raw JSON.
 *
 * <p>Each one is replaced by a token: with a key ({@code CALLX_REDACT_KEY}), {@code tel:},
 * {@code email:}, {@code name:} or {@code card:} and 12 hex digits of HMAC-SHA-256 over the
 * normalized value, so that the same value gets the same token in every run and file made with
 * the same key and joins stay possible; without a key, a fixed mask: {@code [phone]},
 * {@code [email]}, {@code [name]}, {@code [card]}. Normalized values: a phone number's digits
 * ({@code +1 415-555-0100}, {@code +14155550100} and {@code 001 415 555 0100} are one number; a
 * national {@code (415) 555-0100} is another, since its country is unknown), an address in lower
 * case, a name in lower case with single spaces, a card number's digits.
 *
 * <p>What is found in free text, and what is left alone, is documented in {@link NumberRules}
 * (phone and card numbers), {@link EmailFinder} and {@link NameFinder}; ids, uuids, times, dates,
 * durations, costs, versions and addresses stay intact. Immutable and thread-safe.
 */
public final class Redactor {

    /** The environment variable holding the key. */
    public static final String KEY_ENV = "CALLX_REDACT_KEY";

    /** The fields whose whole value is replaced, whatever it holds. */
    private static final Set<Field> WHOLE = Set.of(Field.FROM_NUMBER, Field.TO_NUMBER, Field.CALLER_NAME,
            Field.CALLER_EMAIL);

    private final Tokens tokens;

    /**
     * @param key the value of {@code CALLX_REDACT_KEY}: tokens keyed with it; null or blank for
     *            fixed masks. Use a long random key ({@code openssl rand -hex 32}): phone numbers are
     *            few enough that tokens made with a guessable key can be reversed by trying them all.
     */
    public Redactor(String key) {
        this.tokens = new Tokens(key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8));
    }

    /** A redactor with fixed masks. */
    public static Redactor masking() {
        return new Redactor(null);
    }

    /** Whether values become keyed tokens ({@code tel:3f9a1c2e7b04}) rather than fixed masks ({@code [phone]}). */
    public boolean keyed() {
        return tokens.keyed();
    }

    /** For the one line on stderr that says how {@code --redact} replaces values. */
    public String describe() {
        return keyed()
                ? "personal data replaced by tokens keyed with " + KEY_ENV + " (HMAC-SHA-256; the same value gets the same token)"
                : "personal data replaced by fixed masks ([phone], [email], [name], [card]); set " + KEY_ENV
                        + " for tokens that keep the same value joinable";
    }

    /** Free text with its phone numbers, e-mail addresses and card numbers replaced. Null stays null. */
    public String redactText(String text) {
        return redactText(text, List.of());
    }

    /** As {@link #redactText(String)}, and these names (a record's caller names) replaced too. */
    public String redactText(String text, Collection<String> names) {
        return text == null ? null : redact(text, NameFinder.compile(names));
    }

    /**
     * A redacted copy of a platform's record as received ({@code --raw}); {@code raw} is not
     * changed. Values of phone keys ({@code caller_number}, {@code from_number}, {@code phone} ...,
     * numbers too), e-mail keys and name keys ({@code caller_name}, {@code callerName},
     * {@code customer_name}, Vaani's {@code call_metadata.name}) become one token each; the names
     * found there are also replaced wherever they appear in the record's other strings; every
     * other string is redacted as free text. Keys, numbers, booleans and nulls stay.
     */
    public JsonNode redact(JsonNode raw) {
        if (raw == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        JsonRedaction.collectNames(raw, null, null, names);
        return new JsonRedaction(this, NameFinder.compile(names)).redact(raw, null, null);
    }

    /**
     * A redacted copy of a normalized record, its {@link CallRecord#raw()} redacted as by
     * {@link #redact(JsonNode)}. {@code from_number}, {@code to_number}, {@code caller_name} and
     * {@code caller_email} are replaced whole (a phone field by the token its number gets in free
     * text; a phone field not written like a phone number, such as "anonymous", is redacted as free
     * text); the caller name, and the names in the raw record, are also replaced in every other
     * text; every other string field is redacted as free text and {@code metadata} as JSON.
     * {@code provider}, {@code recording_file}, numbers, timestamps and booleans stay.
     */
    public CallRecord redact(CallRecord record) {
        Set<String> names = new LinkedHashSet<>();
        Object callerName = record.get(Field.CALLER_NAME);
        if (callerName instanceof String s && !s.isBlank()) {
            names.add(s);
        }
        JsonRedaction.collectNames(record.raw(), null, null, names);
        List<NameFinder.NamePattern> patterns = NameFinder.compile(names);
        JsonRedaction json = new JsonRedaction(this, patterns);
        CallRecord out = new CallRecord(json.redact(record.raw(), null, null));
        for (Field field : Field.values()) {
            out.set(field, redactValue(field, record.get(field), json, patterns));
        }
        return out;
    }

    private Object redactValue(Field field, Object value, JsonRedaction json, List<NameFinder.NamePattern> names) {
        // recording_file is a path callx chose, named by the id: redacting it would lose the file
        if (value == null || field == Field.PROVIDER || field == Field.RECORDING_FILE) {
            return value;
        }
        if (value instanceof JsonNode node) {
            return json.redact(node, field.wireName(), null);
        }
        if (!(value instanceof String s) || s.isBlank()) {
            return value;
        }
        if (WHOLE.contains(field)) {
            switch (field) {
                case FROM_NUMBER:
                case TO_NUMBER:
                    String phone = Detector.phoneValue(s);
                    return phone != null ? token(Kind.PHONE, phone) : redact(s, names);
                case CALLER_NAME:
                    return token(Kind.NAME, NameFinder.normalize(s));
                default:
                    return token(Kind.EMAIL, s.strip().toLowerCase(Locale.ROOT));
            }
        }
        // every other string, also one in a field of another type (a value that did not convert), is free text
        return redact(s, names);
    }

    String token(Kind kind, String normalized) {
        return tokens.token(kind, normalized);
    }

    String redact(String text, List<NameFinder.NamePattern> names) {
        List<Finding> found = Detector.find(text, names);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (Finding f : found) {
            sb.append(text, at, f.start()).append(token(f.kind(), f.normalized()));
            at = f.end();
        }
        return sb.append(text, at, text.length()).toString();
    }

    /** The findings in a text, for tests: what would be replaced, and as what kind. */
    List<Finding> find(String text, Collection<String> names) {
        return Detector.find(text, NameFinder.compile(names));
    }
}
