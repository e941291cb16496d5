package dev.callx.provider;

import static dev.callx.provider.ErrorMessagesTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.callx.error.CallxException;
import dev.callx.paging.Page;
import dev.callx.provider.ravan.ContactCallsEndpoint;
import org.junit.jupiter.api.Test;

/**
 * Ravan contact calls (api-docs/ravan-contact-calls.txt): the calls are the array at {@code data};
 * the {@code data.callSessions} wrapper of call-sessions is read too.
 */
class ContactCallsShapesTest {
    private static final ContactCallsEndpoint ENDPOINT = new ContactCallsEndpoint("c-42");

    private static Page parse(String body) throws Exception {
        return ENDPOINT.parse(json(body), "the calls of contact c-42 (HTTP 200)");
    }

    private static String ids(Page page) {
        return String.join(",", page.items().stream().map(n -> n.get("id").textValue()).toList());
    }

    @Test
    void theDocumentedShapeHasTheCallsAsTheDataArray() throws Exception {
        assertThat(ids(parse("{'success':true,'message':'ok','data':[{'id':'a'},{'id':'b'}]}"))).isEqualTo("a,b");
    }

    @Test
    void theCallSessionsWrapperIsReadToo() throws Exception {
        assertThat(ids(parse("{'success':true,'message':'ok','data':{'callSessions':[{'id':'c'}]}}"))).isEqualTo("c");
    }

    @Test
    void anEmptyListIsNoCalls() throws Exception {
        assertThat(parse("{'success':true,'message':'ok','data':[]}").items()).isEmpty();
        assertThat(parse("{'success':true,'message':'ok','data':{'callSessions':[]}}").items()).isEmpty();
    }

    @Test
    void dataWithoutCallsIsAShapeCallxDoesNotKnow() {
        for (String body : new String[] {"{'success':true,'data':{'sessions':[]}}", "{'success':true}",
                "{'success':true,'data':null}"}) {
            Throwable t = catchThrowable(() -> parse(body));
            assertThat(t).as(body).isInstanceOfSatisfying(CallxException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(7);
                assertThat(e.getMessage()).startsWith("Ravan AI answered the calls of contact c-42 (HTTP 200) in a shape "
                        + "callx does not know (no 'data' array)");
            });
        }
    }

    @Test
    void messagesSayWhichContactsCallsWereFetched() {
        assertThat(ENDPOINT.what(1)).isEqualTo("the calls of contact c-42");
        assertThat(ENDPOINT.paging().paged()).isFalse();
    }
}
