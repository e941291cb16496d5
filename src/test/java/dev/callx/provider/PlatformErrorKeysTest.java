package dev.callx.provider;

import static dev.callx.provider.ErrorMessagesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.provider.ravan.Ravan;
import dev.callx.provider.zudu.ZuduCallsEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which keys of an error body each platform's message is read from, and in which order. */
class PlatformErrorKeysTest {

    /** Ravan: "message", then "error", then "detail". */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NONE", textBlock = """
            {'message':'from message','error':'from error','detail':'from detail'}  | from message
            {'error':'from error','detail':'from detail'}                           | from error
            {'detail':'from detail'}                                                | from detail
            {'msg':'not a key of Ravan'}                                            | NONE
            """)
    void ravanReadsMessageThenErrorThenDetail(String body, String expected) throws Exception {
        assertThat(Ravan.PLATFORM.errorMessage().apply(json(body))).isEqualTo(expected);
    }

    /** Zudu: "error", then "message", then "detail". */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NONE", textBlock = """
            {'message':'from message','error':'from error','detail':'from detail'}  | from error
            {'message':'from message','detail':'from detail'}                       | from message
            {'detail':'from detail'}                                                | from detail
            {'msg':'not a key of Zudu'}                                             | NONE
            """)
    void zuduReadsErrorThenMessageThenDetail(String body, String expected) throws Exception {
        assertThat(ZuduCallsEndpoint.PLATFORM.errorMessage().apply(json(body))).isEqualTo(expected);
    }
}
