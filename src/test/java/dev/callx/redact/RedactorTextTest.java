package dev.callx.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tokens and masks in text. Expected tokens are golden values computed outside callx with
 * {@code printf %s 'tel:14155550100' | openssl dgst -sha256 -hmac 'callx-test-key-0123456789abcdef'}
 * (the first 12 hex digits).
 */
class RedactorTextTest {

    static final String KEY = "callx-test-key-0123456789abcdef";
    static final String TEL_14155550100 = "tel:344d5c58c2bc";
    static final String EMAIL_JANE = "email:d92c553be2a0";
    static final String NAME_JANE_DOE = "name:92bc175eecf6";
    static final String NAME_JANE = "name:8cb34953b880";
    static final String NAME_DOE = "name:1725c75e1c30";
    static final String CARD_4111 = "card:356dace4ad64";

    final Redactor keyed = new Redactor(KEY);
    final Redactor masking = Redactor.masking();

    @Test
    void keyedTokensAreHmacSha256OfTheNormalizedValue() {
        assertThat(keyed.keyed()).isTrue();
        assertThat(keyed.redactText("call +14155550100 now")).isEqualTo("call " + TEL_14155550100 + " now");
        assertThat(keyed.redactText("mail Jane.Doe@Example.com.")).isEqualTo("mail " + EMAIL_JANE + ".");
        assertThat(keyed.redactText("card 4111 1111 1111 1111")).isEqualTo("card " + CARD_4111);
    }

    @Test
    void oneNumberWrittenManyWaysIsOneToken() {
        for (String written : List.of("+1 415-555-0100", "+14155550100", "+1 (415) 555-0100", "+1.415.555.0100",
                "001 415 555 0100", "tel:+1-415-555-0100", "1-415-555-0100", "1 (415) 555-0100", "14155550100")) {
            assertThat(keyed.redactText("at " + written + ".")).as(written)
                    .isEqualTo("at " + (written.startsWith("tel:") ? "tel:" : "") + TEL_14155550100 + ".");
        }
        assertThat(keyed.redactText("4111-1111-1111-1111")).isEqualTo(CARD_4111);
    }

    @Test
    void numbersListedWithCommasAreEachRedactedWhileGroupedNumbersStay() {
        Redactor masks = new Redactor(null);
        assertThat(masks.redactText("a 4155550100,4155550101 b")).isEqualTo("a [phone],[phone] b");
        assertThat(masks.redactText("call +14155550100,+14155550101")).isEqualTo("call [phone],[phone]");
        assertThat(masks.redactText("1,234,567 calls cost 1.234.567,89 or 12,50")).isEqualTo(
                "1,234,567 calls cost 1.234.567,89 or 12,50");
        // ten digits then a decimal comma: an amount, not a list of numbers
        assertThat(masks.redactText("total 4155550100,50 EUR")).isEqualTo("total 4155550100,50 EUR");
    }

    /** In URLs and query strings: an encoded plus (either case) opens a number, an escape ends one, and a
     * per cent sign that is no escape makes a percentage; an encoded @ is an address's, one token. */
    @Test
    void urlEncodedPlusAtAndEscapesAroundANumber() {
        Redactor masks = Redactor.masking();
        assertThat(masks.redactText("phone=%2B14155550100&x=1")).isEqualTo("phone=[phone]&x=1");
        assertThat(masks.redactText("phone=%2b14155550100")).isEqualTo("phone=[phone]");
        assertThat(masks.redactText("a%2B1x")).isEqualTo("a%2B1x");
        assertThat(masks.redactText("%2B14155550100")).isEqualTo("[phone]"); // an escape at the very start
        assertThat(masks.redactText("4155550100 %2B")).isEqualTo("[phone] %2B"); // an encoded plus at the end
        assertThat(masks.redactText("4155550100%aA, 4155550100%A0")).isEqualTo("[phone]%aA, [phone]%A0");
        assertThat(masks.redactText("%414155550100")).isEqualTo("%414155550100"); // %41 is a letter
        assertThat(masks.redactText("4155550100%20next")).isEqualTo("[phone]%20next");
        assertThat(masks.redactText("4155550100%ff and 4155550100%FF")).isEqualTo("[phone]%ff and [phone]%FF");
        for (String percentage : List.of("4155550100% more", "4155550100%2", "4155550100%2g", "4155550100%g2",
                "4155550100%a")) {
            assertThat(masks.redactText(percentage)).as(percentage).isEqualTo(percentage);
        }
        // an escape before the number is read as the character it stands for
        assertThat(masks.redactText("tel%3A%2B14155550100")).isEqualTo("tel%3A[phone]");
        assertThat(masks.redactText("to=%204155550100&ph%234155550100")).isEqualTo("to=%20[phone]&ph%23[phone]");
        for (String stays : List.of("x%2C4155550100", "id%2D4155550100", "%2B%2B14155550100")) {
            assertThat(masks.redactText(stays)).as(stays).isEqualTo(stays);
        }
        assertThat(keyed.redactText("mailto:Jane.Doe%40example.com")).isEqualTo("mailto:" + EMAIL_JANE);
        assertThat(keyed.redactText("?email=jane.doe%40Example.com&x=1")).isEqualTo("?email=" + EMAIL_JANE + "&x=1");
    }

    /** What comes before digits decides whether a number may start there. */
    @Test
    void whatComesBeforeDigitsDecidesWhetherAPhoneMayStartThere() {
        Redactor masks = Redactor.masking();
        assertThat(masks.redactText("ph#4155550100 ab#4155550100")).isEqualTo("ph#[phone] ab#[phone]");
        for (String stays : List.of(" #4155550100", "#4155550100", "9#4155550100", "id-4155550100", "v4155550100",
                "$4155550100", "@4155550100", "x,4155550100", "1,4155550100")) {
            assertThat(masks.redactText(stays)).as(stays).isEqualTo(stays);
        }
        assertThat(masks.redactText("ph:4155550100")).isEqualTo("ph:[phone]");
        assertThat(masks.redactText("+4155550100")).isEqualTo("[phone]");
        assertThat(masks.redactText("call (415) 555-0100")).isEqualTo("call [phone]");
    }

    @Test
    void aDifferentKeyGivesADifferentToken() {
        // printf %s 'tel:14155550100' | openssl dgst -sha256 -hmac 'another-key'
        assertThat(new Redactor("another-key").redactText("+14155550100")).isEqualTo("tel:fc51a824db4e");
    }

    @Test
    void withoutAKeyFixedMasks() {
        assertThat(new Redactor(null).keyed()).isFalse();
        assertThat(new Redactor("  ").keyed()).isFalse();
        assertThat(masking.redactText("Jane <jane@example.com>, +44 20 7946 0958, card 4111111111111111"))
                .isEqualTo("Jane <[email]>, [phone], card [card]");
        assertThat(masking.describe()).contains("[phone]", Redactor.KEY_ENV);
        assertThat(keyed.describe()).contains(Redactor.KEY_ENV, "HMAC-SHA-256");
    }

    @Test
    void namesAreReplacedWholeAndByTheirParts() {
        String text = "JANE DOE called; Jane asked for Ms. Doe's manager. jane is lower case. Janet is another name.";
        assertThat(keyed.redactText(text, List.of(" Jane   Doe "))).isEqualTo(NAME_JANE_DOE + " called; " + NAME_JANE
                + " asked for Ms. " + NAME_DOE + "'s manager. jane is lower case. Janet is another name.");
        assertThat(masking.redactText("Jane Doe, jane.doe@example.com", List.of("Jane Doe")))
                .isEqualTo("[name], [email]");
    }

    @Test
    void placeholdersAndNumbersAreNotNamesInText() {
        String text = "The customer is unknown; Customer said hi; call +14155550100.";
        assertThat(masking.redactText(text, List.of("Customer", "Unknown", "+14155550100", "X")))
                .isEqualTo("The customer is unknown; Customer said hi; call [phone].");
    }

    @Test
    void nullAndTextWithoutPersonalDataAreReturnedAsGiven() {
        assertThat(keyed.redactText(null)).isNull();
        String plain = "Order 123456 shipped on 2026-11-01 at 12:27:23, cost 12.50.";
        assertThat(keyed.redactText(plain)).isSameAs(plain);
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        String once = keyed.redactText("+1 415 555 0100, jane@example.com, 4111 1111 1111 1111");
        assertThat(keyed.redactText(once)).isEqualTo(once);
        String masked = masking.redactText("+1 415 555 0100, jane@example.com");
        assertThat(masking.redactText(masked)).isEqualTo(masked);
    }

    @Test
    void longHostileTextIsHandledInLinearTime() {
        // digits and separators that never form a number, and an '@' that starts no address
        String hostile = "1 ".repeat(200_000) + "a@".repeat(100_000) + "+1".repeat(100_000);
        assertThat(masking.redactText(hostile)).isEqualTo(hostile);
    }
}
