package dev.callx.cli;

import static dev.callx.testing.Api.json;
import static dev.callx.testing.Api.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC section 3: credentials come from the environment, a missing one is exit 3 before any request. */
class CredentialsTest {
    private static final String RAVAN_KEY = "rk-live-7f3a9c2e";
    private static final String RAVAN_TOKEN = "eyJhbGciOi.rt-secret-55d1";
    private static final String VAANI_KEY = "vk-live-1b2c3d4e";
    private static final String ZUDU_KEY = "zk-live-9e8d7c6b";
    private static final String ZUDU_SECRET = "zs-live-0a1b2c3d";

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    private String base() {
        return server.baseUrl();
    }

    private RecordedRequest taken() {
        return server.takeRequest();
    }

    /** Each command with its arguments, and the variable a message must name when nothing is set. */
    static List<Arguments> commands() {
        return List.of(
                Arguments.of(List.of("phone-history", "+14155550100"), "RAVAN_API_KEY"),
                Arguments.of(List.of("sessions"), "RAVAN_API_KEY"),
                Arguments.of(List.of("contact-calls", "ct_0001"), "RAVAN_API_KEY"),
                Arguments.of(List.of("vaani"), "VAANI_API_KEY"),
                Arguments.of(List.of("calls"), "ZUDU_API_KEY"));
    }

    private static String[] args(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aMissingCredentialIsExit3BeforeAnyRequestAndNamesTheVariable(List<String> command, String variable) {
        Result r = CallxRunner.callx().run(args(command, "--base-url", base()));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(server.requestCount()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString())
                .startsWith("callx " + command.get(0) + ": ")
                .contains(variable)
                .contains("set " + variable);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aBlankCredentialCountsAsMissing(List<String> command, String variable) {
        Result r = CallxRunner.callx().env("RAVAN_API_KEY", "  ").env("RAVAN_TOKEN", "").env("VAANI_API_KEY", " ")
                .env("ZUDU_API_KEY", " ").env("ZUDU_API_SECRET", " ").run(args(command, "--base-url", base()));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(server.requestCount()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).contains(variable);
    }

    @Test
    void phoneHistoryWithoutCredentialNamesBothTheKeyAndTheToken() {
        Result r = CallxRunner.callx().run("phone-history", "+14155550100", "--base-url", base());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains("RAVAN_API_KEY").contains("RAVAN_TOKEN").contains("Ravan AI");
    }

    @Test
    void theCredentialOfAnotherPlatformDoesNotCount() {
        Result r = CallxRunner.callx().env("RAVAN_API_KEY", RAVAN_KEY).env("ZUDU_API_KEY", ZUDU_KEY)
                .env("ZUDU_API_SECRET", ZUDU_SECRET).run("vaani", "--base-url", base());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(server.requestCount()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).contains("VAANI_API_KEY").contains("Vaani Voice");
    }

    @Test
    void zuduWithOnlyTheKeyAsksForTheSecret() {
        Result r = CallxRunner.callx().env("ZUDU_API_KEY", ZUDU_KEY).run("calls", "--base-url", base());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(server.requestCount()).as(r.toString()).isZero();
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).contains("Zudu AI").contains("set ZUDU_API_SECRET")
                .doesNotContain("set ZUDU_API_KEY").doesNotContain(ZUDU_KEY);
    }

    @Test
    void zuduWithOnlyTheSecretAsksForTheKey() {
        Result r = CallxRunner.callx().env("ZUDU_API_SECRET", ZUDU_SECRET).run("calls", "--base-url", base());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(server.requestCount()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).contains("set ZUDU_API_KEY").doesNotContain("ZUDU_API_SECRET")
                .doesNotContain(ZUDU_SECRET);
    }

    @Test
    void zuduWithNeitherAsksForBoth() {
        Result r = CallxRunner.callx().run("calls", "--base-url", base());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains("ZUDU_API_KEY").contains("ZUDU_API_SECRET");
    }

    @Test
    void ravanTokenIsForPhoneHistoryOnly() {
        CallxRunner callx = CallxRunner.callx().env("RAVAN_TOKEN", RAVAN_TOKEN);

        for (String[] command : new String[][] {{"sessions"}, {"contact-calls", "ct_0001"}}) {
            Result r = callx.run(args(List.of(command), "--base-url", base()));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).as(r.toString()).contains("RAVAN_API_KEY");
        }
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void phoneHistorySendsTheTokenAsBearer() throws Exception {
        server.enqueue(json(resource("/api/ravan-phone-history.json")));
        Result r = CallxRunner.callx().env("RAVAN_TOKEN", RAVAN_TOKEN)
                .run("phone-history", "+919876543210", "--base-url", base(), "--page", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = taken();
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + RAVAN_TOKEN);
        assertThat(req.getHeaders().get("X-Api-Key")).isNull();
    }

    @Test
    void phoneHistorySendsTheKeyAsXApiKey() throws Exception {
        server.enqueue(json(resource("/api/ravan-phone-history.json")));
        Result r = CallxRunner.callx().env("RAVAN_API_KEY", RAVAN_KEY)
                .run("phone-history", "+919876543210", "--base-url", base(), "--page", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = taken();
        assertThat(req.getHeaders().get("X-Api-Key")).isEqualTo(RAVAN_KEY);
        assertThat(req.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void phoneHistoryWithBothSendsOneCredentialOnly() throws Exception {
        server.enqueue(json(resource("/api/ravan-phone-history.json")));
        Result r = CallxRunner.callx().env("RAVAN_API_KEY", RAVAN_KEY).env("RAVAN_TOKEN", RAVAN_TOKEN)
                .run("phone-history", "+919876543210", "--base-url", base(), "--page", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = taken();
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + RAVAN_TOKEN);
        assertThat(req.getHeaders().get("X-Api-Key")).isNull();
    }

    @Test
    void sessionsAndContactCallsSendXApiKey() throws Exception {
        server.enqueue(json(resource("/api/ravan-call-sessions.json")));
        server.enqueue(json(resource("/api/ravan-contact-calls.json")));
        CallxRunner callx = CallxRunner.callx().env("RAVAN_API_KEY", RAVAN_KEY);

        Result sessions = callx.run("sessions", "--base-url", base(), "--page", "1");
        assertThat(sessions.exitCode()).as(sessions.toString()).isZero();
        RecordedRequest first = taken();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/calling/call-sessions");
        assertThat(first.getHeaders().get("X-Api-Key")).isEqualTo(RAVAN_KEY);

        Result contact = callx.run("contact-calls", "ct_0001", "--base-url", base());
        assertThat(contact.exitCode()).as(contact.toString()).isZero();
        RecordedRequest second = taken();
        assertThat(second.getUrl().encodedPath()).isEqualTo("/api/v1/contacts/ct_0001/calls");
        assertThat(second.getHeaders().get("X-Api-Key")).isEqualTo(RAVAN_KEY);
    }

    @Test
    void vaaniSendsXApiKey() throws Exception {
        server.enqueue(json(resource("/api/vaani-call-history.json")));
        Result r = CallxRunner.callx().env("VAANI_API_KEY", VAANI_KEY).run("vaani", "--base-url", base(),
                "--page", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(taken().getHeaders().get("X-API-Key")).isEqualTo(VAANI_KEY);
    }

    @Test
    void zuduSendsTheKeyAndTheSecret() throws Exception {
        server.enqueue(json(resource("/api/zudu-calls.json")));
        Result r = CallxRunner.callx().env("ZUDU_API_KEY", ZUDU_KEY).env("ZUDU_API_SECRET", ZUDU_SECRET)
                .run("calls", "--base-url", base(), "--page", "0");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        RecordedRequest req = taken();
        assertThat(req.getHeaders().get("X-API-KEY")).isEqualTo(ZUDU_KEY);
        assertThat(req.getHeaders().get("X-API-SECRET")).isEqualTo(ZUDU_SECRET);
    }

    /** Each command, the variable that points it elsewhere, and the credentials it needs. */
    static List<Arguments> baseUrlVariables() {
        return List.of(
                Arguments.of(List.of("phone-history", "+919876543210", "--page", "1"), "RAVAN_BASE_URL",
                        "/api/ravan-phone-history.json", "/api/v1/calling/phone-history"),
                Arguments.of(List.of("sessions", "--page", "1"), "RAVAN_BASE_URL",
                        "/api/ravan-call-sessions.json", "/api/v1/calling/call-sessions"),
                Arguments.of(List.of("contact-calls", "ct_0001"), "RAVAN_BASE_URL",
                        "/api/ravan-contact-calls.json", "/api/v1/contacts/ct_0001/calls"),
                Arguments.of(List.of("vaani", "--page", "1"), "VAANI_BASE_URL",
                        "/api/vaani-call-history.json", "/api/call-history"),
                Arguments.of(List.of("calls", "--page", "0"), "ZUDU_BASE_URL",
                        "/api/zudu-calls.json", "/api/calls"));
    }

    private static CallxRunner withAllCredentials() {
        return CallxRunner.callx().env("RAVAN_API_KEY", RAVAN_KEY).env("VAANI_API_KEY", VAANI_KEY)
                .env("ZUDU_API_KEY", ZUDU_KEY).env("ZUDU_API_SECRET", ZUDU_SECRET);
    }

    @ParameterizedTest(name = "{1} for {0}")
    @MethodSource("baseUrlVariables")
    void theBaseUrlVariableOverridesTheDefault(List<String> command, String variable, String body, String path)
            throws Exception {
        server.enqueue(json(resource(body)));
        Result r = withAllCredentials().env(variable, base()).run(args(command));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(taken().getUrl().encodedPath()).as(r.toString()).isEqualTo(path);
    }

    @ParameterizedTest(name = "--base-url over {1} for {0}")
    @MethodSource("baseUrlVariables")
    void baseUrlOptionOverridesTheVariable(List<String> command, String variable, String body, String path)
            throws Exception {
        try (PlatformServer other = new PlatformServer().start()) {
            server.enqueue(json(resource(body)));
            Result r = withAllCredentials().env(variable, other.baseUrl())
                    .run(args(command, "--base-url", base()));

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(taken().getUrl().encodedPath()).as(r.toString()).isEqualTo(path);
            assertThat(other.requestCount()).as(r.toString()).isZero();
        }
    }

    @Test
    void aSelfHostedZuduBelowAPathKeepsThePath() throws Exception {
        server.enqueue(json(resource("/api/zudu-calls.json")));
        Result r = withAllCredentials().env("ZUDU_BASE_URL", server.url("/zudu/").toString())
                .run("calls", "--page", "0");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/zudu/api/calls");
    }

    @Test
    void theBaseUrlVariableOfAnotherPlatformIsIgnored() throws Exception {
        try (PlatformServer other = new PlatformServer().start()) {
            server.enqueue(json(resource("/api/vaani-call-history.json")));
            Result r = withAllCredentials().env("VAANI_BASE_URL", base())
                    .env("ZUDU_BASE_URL", other.baseUrl()).env("RAVAN_BASE_URL", other.baseUrl())
                    .run("vaani", "--page", "1");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(other.requestCount()).isZero();
        }
    }
}
