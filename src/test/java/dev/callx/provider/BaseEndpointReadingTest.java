package dev.callx.provider;

import static dev.callx.provider.ErrorMessagesTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.callx.error.CallxException;
import dev.callx.provider.vaani.VaaniCallHistoryEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reading helpers every endpoint's parse() uses, and the exit-7 message of an unknown shape. */
class BaseEndpointReadingTest {
    private static final String WHAT = "page 1 (HTTP 200)";

    /** Vaani's list is the plain array at {@code data}: its parse is requireArray and nothing more. */
    private static CallxException parseVaani(String body) {
        Throwable t = catchThrowable(() -> new VaaniCallHistoryEndpoint().parse(json(body), WHAT));
        assertThat(t).as(body).isInstanceOf(CallxException.class);
        CallxException e = (CallxException) t;
        assertThat(e.exitCode()).as(e.getMessage()).isEqualTo(7);
        return e;
    }

    // ---- requireArray: an item that is no record object ----

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ['a','b']   | an array
            'call-1'    | a string
            12.5        | a number
            true        | a boolean
            null        | null
            """)
    void anItemThatIsNoObjectIsNamedByNumberAndKind(String item, String kind) {
        CallxException e = parseVaani("{'data':[{'call_id':'c1'}," + item + "]}");
        assertThat(e.getMessage()).contains("(item 2 of 'data' is " + kind + ", not a record object)");
    }

    @Test
    void theWholeMessageNamesThePlatformWhatWasFetchedAndTheBody() {
        CallxException e = parseVaani("{'data':['c1']}");
        assertThat(e.getMessage()).isEqualTo("Vaani Voice answered page 1 (HTTP 200) in a shape callx does not know "
                + "(item 1 of 'data' is a string, not a record object): {\"data\":[\"c1\"]}. "
                + "Check --base-url; the API may have changed");
    }

    @Test
    void noArrayAtThePathIsSaid() {
        assertThat(parseVaani("{'data':{'calls':[]}}").getMessage()).contains("(no 'data' array)");
    }

    // ---- wrongShape: the body is quoted up to 200 characters ----

    @Test
    void aBodyOfExactly200CharactersIsQuotedWhole() {
        String body = "{\"data\":\"" + "x".repeat(189) + "\"}"; // 9 + 189 + 2 = 200 characters
        assertThat(body).hasSize(200);
        String message = parseVaani(body).getMessage();
        assertThat(message).contains("): " + body + ". Check --base-url").doesNotContain("…");
    }

    @Test
    void aLongerBodyIsCutAt200CharactersWithAnEllipsis() {
        String body = "{\"data\":\"" + "x".repeat(190) + "\"}"; // 201 characters
        String message = parseVaani(body).getMessage();
        assertThat(message).contains("): {\"data\":\"" + "x".repeat(190) + "\"…. Check --base-url");
    }

    // ---- longAt: counts and totals ----

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NONE", textBlock = """
            {'n':123}                       | 123
            {'n':0}                         | 0
            {'n':7.9}                       | 7
            {'n':'123'}                     | 123
            {'n':'0'}                       | 0
            {'n':'123456789012345678'}      | 123456789012345678
            {'n':'12a'}                     | NONE
            {'n':'-1'}                      | NONE
            {'n':' 12'}                     | NONE
            {'n':''}                        | NONE
            {'n':'1.5'}                     | NONE
            {'n':'9999999999999999999'}     | NONE
            {'n':'99999999999999999999'}    | NONE
            {'n':1e30}                      | NONE
            {'n':true}                      | NONE
            {'n':null}                      | NONE
            {'n':{'total':3}}               | NONE
            {}                              | NONE
            """)
    void aWholeNumberOrItsDigitsAsTextIsACount(String body, Long expected) throws Exception {
        assertThat(BaseEndpoint.longAt(json(body), "n")).isEqualTo(expected);
    }

    @Test
    void aCountIsFoundAtADottedPath() throws Exception {
        assertThat(BaseEndpoint.longAt(json("{'pagination':{'total_count':'25'}}"), "pagination.total_count"))
                .isEqualTo(25L);
    }

    // ---- textAt: the first path that holds a scalar ----

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NONE", textBlock = """
            {'a':'first','b':'second'}      | first
            {'b':'second'}                  | second
            {'a':null,'b':'second'}         | second
            {'a':{'x':'y'},'b':5}           | 5
            {'a':['x'],'b':false}           | false
            {'a':{'x':'y'},'b':['z']}       | NONE
            {'a':null}                      | NONE
            {}                              | NONE
            """)
    void theFirstPathHoldingAScalarGivesTheText(String body, String expected) throws Exception {
        assertThat(BaseEndpoint.textAt(json(body), "a", "b")).isEqualTo(expected);
    }
}
