package dev.callx.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 4 and issue 13: every form a credential takes in text callx prints is masked, and
 * no URL's userinfo or query values are printed (SPEC section 3). Expected strings are written out.
 */
class SecretsMaskTest {
    private static final String KEY = "vk-live/1b2c+3d4e";

    private static Secrets with(String... values) {
        Secrets s = new Secrets();
        for (String v : values) {
            s.add(v);
        }
        return s;
    }

    @Test
    void theRawValueIsMasked() {
        assertThat(with(KEY).mask("invalid key vk-live/1b2c+3d4e, try again")).isEqualTo("invalid key ****, try again");
    }

    @Test
    void everyOccurrenceIsMasked() {
        assertThat(with("abcd").mask("abcd abcdabcd")).isEqualTo("**** ****");
    }

    @Test
    void urlEncodedFormsAreMaskedInEitherCase() {
        Secrets s = with(KEY);
        assertThat(s.mask("GET /x?k=vk-live%2F1b2c%2B3d4e")).isEqualTo("GET /x?k=****");
        assertThat(s.mask("GET /x?k=vk-live%2f1b2c%2b3d4e")).isEqualTo("GET /x?k=****");
        // every character may be percent-encoded, not only the reserved ones
        assertThat(s.mask("%76%6B-live/1b2c+3d4e")).isEqualTo("****");
    }

    @Test
    void aSpaceIsMaskedInBothUrlEncodingStyles() {
        Secrets s = with("correct horse");
        assertThat(s.mask("p=correct+horse&q=correct%20horse")).isEqualTo("p=****&q=****");
    }

    @Test
    void jsonEscapedFormsAreMasked() {
        Secrets s = with(KEY);
        // PHP's json_encode writes / as \/
        assertThat(s.mask("{\"error\":\"bad key vk-live\\/1b2c+3d4e\"}")).isEqualTo("{\"error\":\"bad key ****\"}");
        assertThat(s.mask("\"vk-live\\u002f1b2c\\u002B3d4e\"")).isEqualTo("\"****\"");
        assertThat(s.mask("\"vk-live\\u002F1b2c+3d4e\"")).isEqualTo("\"****\"");
        // any character may be \\u-escaped, and an escape may be escaped again (JSON inside JSON)
        assertThat(s.mask("\\u0076k-live\\\\\\/1b2c+3d4e")).isEqualTo("****");
    }

    @Test
    void jsonEscapedQuotesAndBackslashesAreMasked() {
        Secrets s = with("pa\"ss\\word");
        assertThat(s.mask("{\"p\":\"pa\\\"ss\\\\word\"}")).isEqualTo("{\"p\":\"****\"}");
    }

    @Test
    void htmlCharacterReferencesAreMasked() {
        assertThat(with(KEY).mask("<p>vk-live&#47;1b2c&#x2B;3d4e</p>")).isEqualTo("<p>****</p>");
    }

    @Test
    void theBase64OfUserAndPasswordIsMasked() {
        Secrets s = new Secrets();
        s.addUserInfo("export", "pw-live-8c7d6e");
        // base64("export:pw-live-8c7d6e") = ZXhwb3J0OnB3LWxpdmUtOGM3ZDZl
        assertThat(s.mask("Proxy-Authorization: Basic ZXhwb3J0OnB3LWxpdmUtOGM3ZDZl"))
                .isEqualTo("Proxy-Authorization: Basic ****");
        assertThat(s.mask("password pw-live-8c7d6e")).isEqualTo("password ****");
        assertThat(s.mask("user export")).as("a user name is not a secret").isEqualTo("user export");
    }

    @Test
    void theBase64OfAShortPasswordIsMaskedThoughThePasswordAloneIsTooShort() {
        Secrets s = new Secrets();
        s.addUserInfo("u", "pw");
        // base64("u:pw") = dTpwdw==
        assertThat(s.mask("Basic dTpwdw== pw")).isEqualTo("Basic **** pw");
    }

    @Test
    void base64WithAndWithoutPaddingAndUrlSafeIsMasked() {
        Secrets s = new Secrets();
        s.addUserInfo("ab", "c?>d");
        // base64("ab:c?>d") = YWI6Yz8+ZA== ; URL-safe: YWI6Yz8-ZA==
        assertThat(s.mask("a YWI6Yz8+ZA== b YWI6Yz8+ZA c YWI6Yz8-ZA== d YWI6Yz8%2BZA%3D%3D"))
                .isEqualTo("a **** b **** c **** d ****");
    }

    @Test
    void theTokenOfAnAuthorizationHeaderIsMaskedAlone() {
        Secrets s = with("Bearer eyJhbGciOi.rt-secret-55d1");
        assertThat(s.mask("token eyJhbGciOi.rt-secret-55d1 lacks scope")).isEqualTo("token **** lacks scope");
        assertThat(s.mask("Authorization: Bearer eyJhbGciOi.rt-secret-55d1")).isEqualTo("Authorization: ****");
    }

    @Test
    void theUserAndPasswordOfABasicAuthorizationAreMasked() {
        // base64("export:pw-live-8c7d6e")
        Secrets s = with("Basic ZXhwb3J0OnB3LWxpdmUtOGM3ZDZl");
        assertThat(s.mask("ZXhwb3J0OnB3LWxpdmUtOGM3ZDZl and pw-live-8c7d6e")).isEqualTo("**** and ****");
    }

    @Test
    void valuesShorterThanFourCharactersAreNotMasked() {
        Secrets s = with("abc", "x", "");
        s.add(null);
        assertThat(s.mask("abc x abcd")).isEqualTo("abc x abcd");
        assertThat(with("abcd").mask("abc abcd")).isEqualTo("abc ****");
    }

    @Test
    void overlappingKeysAreMaskedWholeLongestFirst() {
        // a short key inside a longer one: the longer one is masked, no tail of it is left
        Secrets s = with("abcd1234", "abcd1234efgh");
        assertThat(s.mask("x abcd1234efgh y abcd1234 z")).isEqualTo("x **** y **** z");
        // two keys that overlap without one holding the other: nothing of either is left
        Secrets t = with("abcdef", "defghi");
        assertThat(t.mask("[abcdefghi]")).isEqualTo("[****]");
    }

    @Test
    void aSecretLookingParameterIsRegisteredAndAnotherIsNot() {
        Secrets s = new Secrets();
        s.addParam("password", "hunter22");
        s.addParam("api_key", "pk-live-4455aa");
        s.addParam("status", "completed");
        assertThat(s.mask("login failed for hunter22 with pk-live-4455aa, status completed"))
                .isEqualTo("login failed for **** with ****, status completed");
    }

    @Test
    void aUrlShowsNeitherItsUserinfoNorItsQueryValuesNorItsFragment() {
        Secrets s = new Secrets();
        assertThat(s.maskUrl("http://u:pw@h/?token=T")).isEqualTo("http://****@h/?token=****");
        assertThat(s.maskUrl("https://export@api.example.com:8443/v1/calls?page=2&page_size=100&flag&empty="))
                .isEqualTo("https://****@api.example.com:8443/v1/calls?page=****&page_size=****&****&empty=");
        assertThat(s.maskUrl("https://h/a#access_token=abc")).isEqualTo("https://h/a#****");
        assertThat(s.maskUrl("https://h/a/b")).isEqualTo("https://h/a/b");
    }

    @Test
    void somethingThatIsNotAUrlYetIsMaskedLikeOne() {
        Secrets s = new Secrets();
        assertThat(s.maskUrl("u:pw@h/?token=T")).isEqualTo("****@h/?token=****");
        assertThat(s.maskUrl("ftp://u:p@ss@h:21/x?y=z")).isEqualTo("ftp://****@h:21/x?y=****");
        assertThat(s.maskUrl("not a url")).isEqualTo("not a url");
    }

    @Test
    void aUrlMaskedIsMaskedOfRegisteredSecretsToo() {
        assertThat(with(KEY).maskUrl("https://h/keys/vk-live%2F1b2c%2B3d4e/calls"))
                .isEqualTo("https://h/keys/****/calls");
    }

    @Test
    void urlsInsideAnyTextAreMasked() {
        Secrets s = new Secrets();
        assertThat(s.mask("moved to 'https://u:pw@h/x?phone=%2B14155550100&a=1' (see <http://h/?q=1>)"))
                .isEqualTo("moved to 'https://****@h/x?phone=****&a=****' (see <http://h/?q=****>)");
        assertThat(s.mask("Use https://, or pass --allow-http")).isEqualTo("Use https://, or pass --allow-http");
    }

    @Test
    void maskingTwiceChangesNothing() {
        Secrets s = with(KEY);
        String once = s.mask("GET http://u:p@h/?a=vk-live/1b2c+3d4e&b=2 vk-live/1b2c+3d4e");
        assertThat(once).isEqualTo("GET http://****@h/?a=****&b=**** ****");
        assertThat(s.mask(once)).isEqualTo(once);
    }

    @Test
    void nullStaysNull() {
        assertThat(new Secrets().mask(null)).isNull();
    }
}
