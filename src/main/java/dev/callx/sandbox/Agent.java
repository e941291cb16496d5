package dev.callx.sandbox;

/** A voice agent of one platform, with the phone line it calls from and answers on. */
record Agent(String id, String name, String line) {
}
