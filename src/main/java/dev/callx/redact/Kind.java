package dev.callx.redact;

/** What a redacted span was, with its token prefix and its fixed mask. */
enum Kind {
    PHONE("tel", "[phone]"),
    EMAIL("email", "[email]"),
    CARD("card", "[card]"),
    NAME("name", "[name]");

    final String prefix;
    final String mask;

    Kind(String prefix, String mask) {
        this.prefix = prefix;
        this.mask = mask;
    }
}
