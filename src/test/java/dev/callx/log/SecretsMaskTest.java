package dev.callx.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        // a page that writes every character as a reference, letters and digits too (v is 118, k is x6B)
        assertThat(with(KEY).mask("<p>&#118;&#x6B;-live&#47;1b2c+3d4&#101;</p>")).isEqualTo("<p>****</p>");
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

    @Test
    void theMinimumLengthIsFourCharacters() {
        // SPEC section 3: a value of 4 characters is masked, one of 3 is too common to mask
        assertThat(with("abcd").mask("abcd")).isEqualTo("****");
        assertThat(with("abc").mask("abc")).isEqualTo("abc");
        // the same bound for a password: "pw12" alone is masked, "pw1" is not
        Secrets s = new Secrets();
        s.addUserInfo("u", "pw12");
        s.addUserInfo("v", "pw1");
        assertThat(s.mask("pw12 pw1")).isEqualTo("**** pw1");
    }

    @Test
    void aSecretAtTheStartOrTheEndOfTheTextIsMasked() {
        Secrets s = with("sk-9f8e7d");
        assertThat(s.mask("sk-9f8e7d")).isEqualTo("****");
        assertThat(s.mask("sk-9f8e7d rejected")).isEqualTo("**** rejected");
        assertThat(s.mask("rejected: sk-9f8e7d")).isEqualTo("rejected: ****");
    }

    @Test
    void overlappingOccurrencesOfOneSecretAreMaskedWhole() {
        // "abab" occurs at 0 and at 2 of "ababab": all six characters belong to the secret
        assertThat(with("abab").mask("[ababab]")).isEqualTo("[****]");
    }

    @Test
    void aShorterKeyRegisteredFirstLeavesNoTailOfALongerOne() {
        // registration order is not masking order: the shorter key first, then the longer one
        Secrets s = with("rk-live-01", "rk-live-01-admin");
        assertThat(s.mask("key rk-live-01-admin denied; rk-live-01 ok")).isEqualTo("key **** denied; **** ok");
        // the same in URL-encoded and JSON-escaped forms
        assertThat(s.mask("k=rk%2Dlive%2D01%2Dadmin j=\"rk-live-01\\u002Dadmin\"")).isEqualTo("k=**** j=\"****\"");
    }

    @Test
    void aSecretRegisteredTwiceIsMaskedOnce() {
        Secrets s = with("tk-123456", "tk-123456");
        s.addParam("token", "tk-123456");
        assertThat(s.mask("a tk-123456 b")).isEqualTo("a **** b");
    }

    @Test
    void thePasswordParameterAndItsUrlEncodedFormAreMasked() {
        Secrets s = new Secrets();
        s.addParam("password", "p@ss word/1");
        assertThat(s.mask("password=p%40ss+word%2F1 and p@ss word/1 and p%40ss%20word/1"))
                .isEqualTo("password=**** and **** and ****");
        // a parameter whose name does not say secret is not registered, however it looks
        Secrets t = new Secrets();
        t.addParam("page_size", "10000");
        t.addParam(null, "s3cret-value");
        assertThat(t.mask("page_size 10000 s3cret-value")).isEqualTo("page_size 10000 s3cret-value");
    }

    @Test
    void secretLookingParameterNamesAreRecognisedInAnyCase() {
        assertThat(Secrets.secretParam("PASSWORD")).isTrue();
        assertThat(Secrets.secretParam("db_passwd")).isTrue();
        assertThat(Secrets.secretParam("X-Signature")).isTrue();
        assertThat(Secrets.secretParam("auth")).isTrue();
        assertThat(Secrets.secretParam("access_token")).isTrue();
        assertThat(Secrets.secretParam("client_secret")).isTrue();
        assertThat(Secrets.secretParam("page")).isFalse();
        assertThat(Secrets.secretParam(null)).isFalse();
    }

    @Test
    void theBase64OfAPasswordWithAnEmptyUserIsMaskedAndThePasswordInIt() {
        // base64(":pw-live-8c7d6e") = OnB3LWxpdmUtOGM3ZDZl: Basic authentication with no user name
        Secrets s = with("Basic OnB3LWxpdmUtOGM3ZDZl");
        assertThat(s.mask("OnB3LWxpdmUtOGM3ZDZl / pw-live-8c7d6e")).isEqualTo("**** / ****");
        // a Basic value that is not base64 is masked as it is, and nothing else
        Secrets t = with("Basic not-base64!!");
        assertThat(t.mask("Basic not-base64!! / not-base64")).isEqualTo("**** / not-base64");
    }

    @Test
    void urlSafeBase64WithoutPaddingIsMasked() {
        Secrets s = new Secrets();
        s.addUserInfo("ab", "c?>d");
        // base64url("ab:c?>d") without padding = YWI6Yz8-ZA
        assertThat(s.mask("[YWI6Yz8-ZA]")).isEqualTo("[****]");
    }

    @Test
    void aSecretWithLettersBeyondTheBasicPlaneIsMaskedInEveryForm() {
        // U+1D400..U+1D402, MATHEMATICAL BOLD CAPITAL A..C: letters written as surrogate pairs
        Secrets s = with("key-\uD835\uDC00\uD835\uDC01\uD835\uDC02");
        assertThat(s.mask("[key-\uD835\uDC00\uD835\uDC01\uD835\uDC02]")).isEqualTo("[****]");
        assertThat(s.mask("[key-\\ud835\\udc00\\uD835\\uDC01\\ud835\\udc02]")).isEqualTo("[****]");
        assertThat(s.mask("[key-%F0%9D%90%80%F0%9D%90%81%f0%9d%90%82]")).isEqualTo("[****]");
    }

    @Test
    void htmlCharacterReferencesOfNonAsciiLettersAreMasked() {
        // é is U+00E9 (233), è is U+00E8
        Secrets s = with("clé-secrète");
        assertThat(s.mask("<b>cl&#233;-secr&#xE8;te</b>")).isEqualTo("<b>****</b>");
        assertThat(s.mask("<b>cl&#0233;-secr&#x00e8;te</b>")).isEqualTo("<b>****</b>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // no path: the host stays, the userinfo goes
        "https://u:pw@api.example.com | https://****@api.example.com",
        "https://api.example.com      | https://api.example.com",
        // an @ in the path or the query is not userinfo
        "https://h/@user/calls        | https://h/@user/calls",
        "https://h?to=@user           | https://h?to=****",
        // an empty userinfo is masked like any other
        "http://@h/x                  | http://****@h/x",
        // a base URL with its scheme left out by mistake, quoted back in an error
        "://u:pw@h/x                  | ://****@h/x",
        // a query or a fragment at the very start
        "?token=T                     | ?token=****",
        "#access_token=T              | #****",
        // a ? after the # belongs to the fragment
        "#a?b=1                       | #****",
        "https://h/p#a?b=1            | https://h/p#****",
        "https://h/p?a=1#f            | https://h/p?a=****#****",
        // a value without a name is hidden after its =; an empty value, query or fragment stays empty
        "https://h/?=tk-1&a=          | https://h/?=****&a=",
        "https://h/a#                 | https://h/a#",
        "https://h/a?#                | https://h/a?#",
    })
    void aUrlLosesItsUserinfoQueryValuesAndFragmentWhereverTheyAre(String url, String shown) {
        assertThat(new Secrets().maskUrl(url)).isEqualTo(shown);
    }

    @Test
    void aUrlInTextWithoutAPathIsMaskedAndANullUrlStaysNull() {
        assertThat(new Secrets().mask("see https://u:pw@h.example")).isEqualTo("see https://****@h.example");
        assertThat(new Secrets().maskUrl(null)).isNull();
    }

    @Test
    void aUrlAfterTextStartingWithTheSchemeSeparatorIsMasked() {
        assertThat(new Secrets().mask("://x then http://h/?token=T")).isEqualTo("://x then http://h/?token=****");
    }
}
