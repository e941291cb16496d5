package dev.callx.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Redacts a JSON tree into a new one (the input is not changed). By key, the whole value of a
 * phone key (when written like a phone number, see {@link Detector#phoneValue}), an e-mail key or
 * a name key becomes one token (a number too, for a phone key); every other string is redacted as
 * free text, with the record's names; other numbers, booleans and nulls, and the keys themselves,
 * stay as they are.
 */
final class JsonRedaction {

    private final Redactor redactor;
    private final List<NameFinder.NamePattern> names;

    JsonRedaction(Redactor redactor, List<NameFinder.NamePattern> names) {
        this.redactor = redactor;
        this.names = names;
    }

    /** The values of name keys in a tree: the names to look for in its free text. */
    static void collectNames(JsonNode node, String key, String parent, Collection<String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collectNames(e.getValue(), e.getKey(), key, out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collectNames(element, key, parent, out);
            }
        } else if (node.isTextual() && Keys.name(key, parent) && !node.textValue().isBlank()) {
            out.add(node.textValue());
        }
    }

    JsonNode redact(JsonNode node, String key, String parent) {
        if (node == null) {
            return null;
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isObject()) {
            ObjectNode out = f.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(e.getKey(), redact(e.getValue(), e.getKey(), key));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = f.arrayNode(node.size());
            for (JsonNode element : node) {
                out.add(redact(element, key, parent));
            }
            return out;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            if (text.isBlank()) {
                return node;
            }
            String phone = Keys.phone(key) ? Detector.phoneValue(text) : null;
            if (phone != null) {
                return f.textNode(redactor.token(Kind.PHONE, phone));
            }
            if (Keys.email(key)) {
                return f.textNode(redactor.token(Kind.EMAIL, text.strip().toLowerCase(Locale.ROOT)));
            }
            if (Keys.name(key, parent)) {
                return f.textNode(redactor.token(Kind.NAME, NameFinder.normalize(text)));
            }
            String redacted = redactor.redact(text, names);
            return redacted.equals(text) ? node : f.textNode(redacted);
        }
        if (node.isNumber() && node.decimalValue().signum() >= 0 && node.decimalValue().stripTrailingZeros().scale() <= 0) {
            String digits = node.decimalValue().toBigInteger().toString();
            if (Keys.phone(key) && digits.length() >= 5) {
                return f.textNode(redactor.token(Kind.PHONE, digits));
            }
            if (Keys.loosePhone(key)) {
                List<Finding> found = new ArrayList<>();
                NumberScanner.find(digits, new boolean[digits.length()], found);
                if (found.size() == 1 && found.get(0).kind() == Kind.PHONE && found.get(0).end() == digits.length()) {
                    return f.textNode(redactor.token(Kind.PHONE, found.get(0).normalized()));
                }
            }
        }
        return node;
    }
}
