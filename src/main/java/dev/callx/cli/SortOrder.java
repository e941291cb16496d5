package dev.callx.cli;

/**
 * {@code --sort-order}: both spellings go with both commands, and each API gets the one it
 * documents (Ravan sessions: asc|desc; Zudu calls: ascending|descending).
 */
enum SortOrder {
    ASC("asc", "ascending"),
    DESC("desc", "descending");

    private final String shortName;
    private final String longName;

    SortOrder(String shortName, String longName) {
        this.shortName = shortName;
        this.longName = longName;
    }

    /** Ravan's spelling. */
    String shortName() {
        return shortName;
    }

    /** Zudu's spelling. */
    String longName() {
        return longName;
    }
}
