package dev.callx.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The platform's own message pulled out of an error body (ErrorMessages.first): a string; an
 * object's message/msg/detail/error, else the object's JSON; FastAPI's list of {loc, msg} joined
 * with "; "; any other value's text. A blank or empty value gives way to the next key.
 */
class ErrorMessagesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** JSON written with single quotes, so it reads in a CSV row. */
    static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    private static String first(String body) throws Exception {
        return ErrorMessages.first(json(body), "error", "message");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NONE", textBlock = """
            {'error':'quota exceeded'}                                   | quota exceeded
            {'error':{'message':'invalid key'}}                          | invalid key
            {'error':{'msg':'invalid key'}}                              | invalid key
            {'error':{'detail':'invalid key'}}                           | invalid key
            {'error':{'error':'invalid key'}}                            | invalid key
            {'error':{'msg':'second','message':'first'}}                 | first
            {'error':{'error':'fourth','detail':'third'}}                | third
            {'error':{'error':'fourth','msg':'second'}}                  | second
            {'error':42}                                                 | 42
            {'error':false}                                              | false
            {'error':'first key','message':'second key'}                 | first key
            {'message':'only the second key'}                            | only the second key
            {'error':null,'message':'next key'}                          | next key
            {'error':'   ','message':'next key'}                         | next key
            {'error':[],'message':'next key'}                            | next key
            {'error':[null],'message':'next key'}                        | next key
            {'error':{'message':''},'message':'next key'}                | next key
            {'detail':'a key not asked for'}                             | NONE
            {'error':null}                                               | NONE
            {}                                                           | NONE
            """)
    void theFirstKeyThatHoldsAMessage(String body, String expected) throws Exception {
        assertThat(first(body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {'error':[{'loc':['body','phone'],'msg':'field required'}]}                             | body.phone: field required
            {'error':[{'loc':['body','items',0,'id'],'msg':'not a string'}]}                        | body.items.0.id: not a string
            {'error':[{'loc':['query','page'],'msg':'not a number'},{'loc':[],'msg':'too many'}]}   | query.page: not a number; too many
            {'error':[{'msg':'no location'}]}                                                       | no location
            {'error':['first','second']}                                                            | first; second
            {'error':[null,'only the string']}                                                      | only the string
            {'error':[{'message':'an object'},7,{'loc':['body'],'msg':'fastapi'}]}                  | an object; 7; body: fastapi
            """)
    void aListOfMessagesIsJoined(String body, String expected) throws Exception {
        assertThat(first(body)).isEqualTo(expected);
    }

    @Test
    void anObjectWithoutAMessageIsQuotedAsItsJson() throws Exception {
        assertThat(first("{'error':{'code':42,'reason':'quota'}}")).isEqualTo("{\"code\":42,\"reason\":\"quota\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{'error':'in a list'}]", "'error'", "42", "null"})
    void aBodyThatIsNoObjectHoldsNoMessage(String body) throws Exception {
        assertThat(first(body)).isNull();
    }

    @Test
    void noBodyHoldsNoMessage() {
        assertThat(ErrorMessages.first(null, "error", "message")).isNull();
    }
}
