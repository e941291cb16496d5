package dev.callx.record;

/** The value types of the normalized record (SPEC section 4). */
public enum FieldType {
    STRING, NUMBER, BOOLEAN, TIMESTAMP, OBJECT
}
