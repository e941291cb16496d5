package dev.callx.provider;

import static dev.callx.provider.ErrorMessagesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.paging.Page;
import dev.callx.provider.zudu.ZuduCallsEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Zudu page is newest-first only when it echoes data.sort_by=start_timestamp and data.sort_order
 * descending (or desc, in any case) (api-docs/calls-list.txt); a page that echoes nothing may be in
 * any order, and paging must not stop early on it.
 */
class ZuduSortEchoTest {

    private static Page parse(String sortBy, String sortOrder) throws Exception {
        String echo = (sortBy == null ? "" : ",'sort_by':'" + sortBy + "'")
                + (sortOrder == null ? "" : ",'sort_order':'" + sortOrder + "'");
        String body = "{'message':'Calls retrieved successfully','status':'success','error':null,'data':{"
                + "'calls':[{'call_id':'c1','start_timestamp':'2026-01-01T10:00:00Z'}],"
                + "'pagination':{'page':0,'limit':20,'total_count':1,'total_pages':1,'has_next_page':false}"
                + echo + "}}";
        return new ZuduCallsEndpoint(null, null).parse(json(body), "page 0 (HTTP 200)");
    }

    @ParameterizedTest(name = "sort_by={0} sort_order={1} -> newest first: {2}")
    @CsvSource(nullValues = "-", textBlock = """
            start_timestamp, descending, true
            start_timestamp, DESCENDING, true
            start_timestamp, Descending, true
            start_timestamp, desc,       true
            start_timestamp, DESC,       true
            start_timestamp, ascending,  false
            start_timestamp, asc,        false
            start_timestamp, '',         false
            start_timestamp, -,          false
            end_timestamp,   descending, false
            -,               descending, false
            -,               -,          false
            """)
    void newestFirstOnlyWhenThePageEchoesStartTimeDescending(String sortBy, String sortOrder, boolean expected)
            throws Exception {
        Page page = parse(sortBy, sortOrder);
        assertThat(page.items()).hasSize(1);
        assertThat(page.newestFirst()).isEqualTo(expected);
    }
}
