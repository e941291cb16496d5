package dev.callx.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reason phrases in messages: RFC 9110's for the codes callx names, else what the server said. */
class StatusesTest {
    @Test
    void aKnownCodeHasRfc9110sPhraseWhateverTheServerSaid() {
        assertThat(Statuses.reason(404, "Nope")).isEqualTo("Not Found");
        assertThat(Statuses.reason(413, "Payload Too Large")).isEqualTo("Content Too Large");
        assertThat(Statuses.reason(429, "")).isEqualTo("Too Many Requests");
        assertThat(Statuses.reason(503, null)).isEqualTo("Service Unavailable");
    }

    @Test
    void anotherCodeHasTheServersPhraseOrNone() {
        assertThat(Statuses.reason(418, "I'm a teapot")).isEqualTo("I'm a teapot");
        assertThat(Statuses.reason(418, null)).isEmpty();
        assertThat(Statuses.reason(599, "")).isEmpty();
    }
}
