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
