package dev.callx.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The number rules one by one (README "--redact", and the rules written out on NumberRules): for each
 * rule a number it must catch and the nearest one it must leave, in free text redacted with fixed
 * masks. Card numbers are the card networks' published test numbers or pass the Luhn check as worked
 * out by hand; the expected text is written out.
 */
class NumberRulesTest {
    private static final Redactor MASKS = Redactor.masking();

    private static void redacts(String written, String shown) {
        assertThat(MASKS.redactText("call " + written + " now")).as(written).isEqualTo("call " + shown + " now");
    }

    @ParameterizedTest(name = "card: {0}")
    @CsvSource(delimiter = '|', value = {
        "4111 1111 1111 1111",  // Visa test number, groups of four
        "4111-1111-1111-1111",
        "4111111111111111",     // unseparated, starting with 4
        "2223000048400011",     // Mastercard 2-series, unseparated
        "6011000000000004",     // Discover, starting with 6
        "3782 822463 10005",    // Amex 4-6-5
        "3056 930902 5904",     // Diners 4-6-4
        "4222 2222 2222 2",     // 13 digits, the last group short
        "4000 0000 0000 0000 02", // 18 digits
        "6011 0000 0000 0000 001", // 19 digits
        "1234 5678 1234 5670",  // grouped: any first digit
    })
    void aCardNumberIsACard(String written) {
        redacts(written, "[card]");
    }

    @ParameterizedTest(name = "not a card: {0}")
    @CsvSource(delimiter = '|', value = {
        "4111 1111 1111 1112",     // fails the Luhn check
        "1234567812345670",        // passes, but unseparated and starting with 1 (no card network)
        "7000000000000005",        // passes, unseparated, starting with 7
        "8000000000000003",        // passes, unseparated, starting with 8
        "4111 1111-1111 1111",     // two kinds of separator
        "41111 1111 1111 111",     // passes, but not in groups of four
        "4111 1111 1111 11113",    // passes, but the last group is longer than four
        "4111 1111 1111 1111 1115", // 20 digits
        "1700000000004",           // an epoch-millisecond time that passes the Luhn check
    })
    void aNumberThatIsNotACardStays(String written) {
        redacts(written, written);
    }

    @ParameterizedTest(name = "phone: {0}")
    @CsvSource(delimiter = '|', value = {
        // international: + and 8 to 15 digits, any grouping
        "+14155550100", "+1 415 555 0100", "+12345678", "+123456789012345", "+44 (0) 20 7946 0958",
        // 00 instead of +
        "0044 20 7946 0958", "001 415 555 0100",
        // a trunk 0 and 9 to 12 digits
        "020 7946 0958", "030 12345678", "01 23 45 67 89", "0123 45678", "0812 3456 7890", "020794609581",
        // an area code in parentheses and 9 to 12 digits
        "(415) 555-0100", "(020) 7946 0958", "(11) 9876-5432", "(0208) 7946 0958",
        // 10 digits: 3-3-4, 5-5, 2-4-4, 3-3-2-2, 4-3-3, 3-7, unseparated
        "415-555-0100", "415.555.0100", "415 555 0100", "98765 43210", "55 1234 5678", "415 555 01 00",
        "4155 555 010", "415 5550100", "4155550100",
        // 11 digits: 1-3-3-4 (US with its 1), Brazil's 2-5-4, unseparated with a 1 or a trunk 0
        "1-415-555-0100", "1.800.555.0199", "11 98765 4321", "14155550100", "02079460958",
        // China's mobiles, 3-4-4: a 1, then 3 to 9
        "138 1234 5678", "199-1234-5678", "130 1234 0000", "130 1200 0001",
        // 9 digits: Brazil's mobile 5-4 starting with 9, Spain's 3-3-3 starting with 6 to 9
        "98765-4321", "612 345 678", "912 345 678",
        // 8 digits: Brazil's 4-4 with a dash; 7 digits: US local 3-4 with a dash
        "9876-5432", "2345-6789", "555-0100", "255-0100",
        // a known country code without + and 8 to 11 more digits
        "44 20 7946 0958", "91 98765 43210", "1 415 555 0100", "49-30-1234-5678",
        // 12 unseparated digits: India's 91 (then 6 to 9), the UK's 44 (then 1, 2, 3 or 7), Brazil's 55
        "919876543210", "916876543210", "442079460958", "441234567890", "447700900123", "443123456789",
        "551198765432",
        // digits read out one by one
        "4 1 5 5 5 5 0 1 0 0",
        // the edges of each rule: 00 and 8 or 15 digits, an area code of 2 digits and 9 in all, 11 without
        // a trunk 0 or 12 with one, a trunk 0 before a first group of 6, a US area code from 2, 2-4-4 with
        // dots, a country code with 8 or 11 digits after it, a first group of 4-3-3 that is no year (2100)
        "0012 345 678", "00 123 456 789 012 345", "(21) 2345-678", "(11) 98765-4321", "(011) 98765-4321",
        "012345 6789", "212-555-0100", "2125550100", "12125550100", "14152550100", "55.1234.5678",
        "358 40 123 456", "44 1234 567 8901", "351 912 345 678", "44 20 7946 095", "91-987-654-321",
        "0 234 567 890", "2100 555 010",
        // 4-4 with a dash whose second half is not a little above the first
        "2345-2345", "2345-3345",
    })
    void aPhoneNumberIsAPhone(String written) {
        redacts(written, "[phone]");
    }

    @ParameterizedTest(name = "not a phone: {0}")
    @CsvSource(delimiter = '|', value = {
        // international with too few or too many digits, or a 0 after the +
        "+1234567", "+1234567890123456", "+0123456789",
        // 00 then 0, or 00 and fewer than 10 digits
        "000 1234 5678", "0012 3456",
        // a trunk 0 with too few or too many digits, or a first group longer than six
        "0123 4567", "0123 4567 89012", "0123456 789",
        // parentheses around one digit or five, or too few digits after them
        "(4) 555 01 00", "(12345) 678 9012", "(415) 555-01",
        // 10 digits starting with 0 or 1 after no trunk, a year first, a compact date
        "115-555-0100", "1155550100", "2026110100", "1234 56 7890",
        // 11 digits without the US 1 or with a 0/1 in the area code or the exchange
        "2-415-555-0100", "10155550100", "14151550100",
        // 3-4-4 that is no Chinese mobile: a 1 then 0 to 2, another first digit
        "128 1234 5678", "100 2000 3000", "238 1234 5678",
        // 9 digits not Brazil's nor Spain's
        "88765-4321", "512 345 678", "612-345-678",
        // 8 digits: a range, years, a first digit below 2, spaces
        "2345-2350", "2019-2026", "1234-5678", "9876 5432", "2019-5678",
        // 7 digits: a first digit below 2, spaces, dots
        "155-0100", "555 0100",
        // 12 unseparated digits that are no country's
        "915876543210", "445079460958", "550198765432", "331234567890",
        // an unknown country code, too few digits after one
        "99-20-7946-0958", "44 2079 460",
        // never: dates, addresses, decimals, versions, thousands, order numbers
        "2026-11-01", "01.11.2026", "11/01/2026", "20261101", "192.168.1.1", "3.14159", "1.2.3",
        "10.0.12.300", "1 234 567", "12.345.678", "123456", "415.555.0100.5", "415.55.0100",
        // a decimal is not a 5-5 phone; thousands in groups of three are not a country code and a number
        "98765.43210", "91 987 654 321",
        // a year first (1900 to 2099) is not a 4-3-3 phone; a range a little above is not 4-4
        "1900 555 010", "2099 555 010", "2026 555 010", "2345-3344",
        // lists of short numbers: no phone at any length of them
        "20 21 22 23 24 25 26 27", "33 34 35 36 37 38 39 40", "212 213 214 215 216", "600 700 800 900",
        "7 8 9 10 11 12 13 14 15 16 17 18", "650 000 000 000", "612 456 789 012",
    })
    void aNumberThatIsNotAPhoneStays(String written) {
        redacts(written, written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // a date, an address, a decimal, a version or a lone year next to a phone ends the phone's run of
        // groups: the phone is caught whole and the other stays as it is
        "415 555 0100 2026-11-01     | [phone] 2026-11-01",
        "2026-11-01 415 555 0100     | 2026-11-01 [phone]",
        "415 555 0100 2026-12-31     | [phone] 2026-12-31",
        "415 555 0100 1900-01-01     | [phone] 1900-01-01",
        "415 555 0100 2099-01-01     | [phone] 2099-01-01",
        "415 555 0100 31.12.2026     | [phone] 31.12.2026",
        "415 555 0100 12/31/2026     | [phone] 12/31/2026",
        "415 555 0100 31/12/2026     | [phone] 31/12/2026",
        "415 555 0100 1/2/2026       | [phone] 1/2/2026",
        "020 7946 0958 01/11/2026    | [phone] 01/11/2026",
        "01/11/2026 020 7946 0958    | 01/11/2026 [phone]",
        "2019-2026 415 555 0100      | 2019-2026 [phone]",
        "415 555 0100 192.168.1.1    | [phone] 192.168.1.1",
        "415 555 0100 255.255.255.0  | [phone] 255.255.255.0",
        "415 555 0100 3.5            | [phone] 3.5",
        "415 555 0100 1.2.3          | [phone] 1.2.3",
        "415 555 0100 2026           | [phone] 2026",
        // so does a short number at either end, when the run is a phone only without it (a count, a
        // quantity: masking the phone matters more than the number next to it)
        "(415) 555 0100 12           | [phone] 12",
        "415 555 0100 2 times        | [phone] 2 times",
        "415 555 0100 123            | [phone] 123",
        "415 555 0100 12 34          | [phone] 12 34",
        "2 415 555 0100              | 2 [phone]",
        "12 415 555 0100             | 12 [phone]",
        "020 7946 0958 12            | [phone] 12",
        "99 020 7946 0958            | 99 [phone]",
        // a phone with no group of four: one count of one or two digits at one end is cut
        "612 345 678 2 times         | [phone] 2 times",
        "612 345 678 12 times        | [phone] 12 times",
        "5 06 12 34 56 78            | 5 [phone]",
        "2 612 345 678               | 2 612 345 678",         // one number in thousands: 2,612,345,678
        "612 345 678 100 times       | 612 345 678 100 times", // three digits: as "600 700 800 900"
        "612 345 678 2 3             | 612 345 678 2 3",       // two: as a list of short numbers
        "10 20 30 40 50              | 10 20 30 40 50",
        // short numbers at both ends
        "28 29 415 555 0100 31 32    | 28 29 [phone] 31 32",
        "28 415 555 0100 31          | 28 [phone] 31",
        "5 020 7946 0958 12 34       | 5 [phone] 12 34",
        "3 4 415 555 0100 5          | 3 4 [phone] 5",
        "5 612 345 678 2             | 5 612 345 678 2",        // no group of four: one cut only
        // several numbers in one run, among short ones or not
        "415 555 0100 212 555 0199   | [phone] [phone]",
        "4111 1111 1111 1111 415 555 0100 | [card] [phone]",
        "415 555 0100 3 212 555 0199 4 | [phone] 3 [phone] 4",
        "12 0812 3456 7890           | 12 [phone]",
        "20 21 22 23 24 25 26 27 28 29 415 555 0100 | 20 21 22 23 24 25 26 27 28 29 [phone]",
        "12 415-555-0100 212 555 0199 | 12 [phone] [phone]",     // a number of one chunk among them
        "01 02 03 04 05 0812 3456 7890 | 01 02 03 04 05 [phone]", // short ones are no number by themselves
        // a longer number left over: one number that is none (as "4111 1111 1111 1111 1115"); then each
        // chunk alone
        "415 555 0100 5678           | 415 555 0100 5678",
        "4111 1111 1111 1111 1115 415-555-0100 | 4111 1111 1111 1111 1115 [phone]",
        // a list longer than a candidate is read, with no space in it to read again from
        "10-11-12-13-14-15-16-17-18-19-10-11-12-13-14-15-16-17-18-19-10-11-12-13 415 555 0100 | "
            + "10-11-12-13-14-15-16-17-18-19-10-11-12-13-14-15-16-17-18-19-10-11-12-13 [phone]",
        // a number of its own glued to a word, a percentage, a decimal or an address after the phone: only
        // it is no number ("5pm" is a time, "2nd" an ordinal), the phone before it is masked
        "call 415 555 0100 5pm       | call [phone] 5pm",
        "415-555-0100 2nd line       | [phone] 2nd line",
        "020 7946 0958 3rd floor     | [phone] 3rd floor",
        "+44 20 7946 0958 10am       | [phone] 10am",
        "(415) 555-0100 5pm          | [phone] 5pm",
        "415 555 0100 50% of calls   | [phone] 50% of calls",
        "415 555 0100 1,5 kg         | [phone] 1,5 kg",
        "4111 1111 1111 1111 2x      | [card] 2x",
        "415 555 0100 12-abc         | [phone] 12-abc",
        "4155550100 5pm              | [phone] 5pm",
        // a number of several groups glued to a word, or in an open parenthesis: back to the spaces
        "call 415 555 0100 9-5pm     | call [phone] 9-5pm",
        "call 415 555 0100 (2nd line) | call [phone] (2nd line)",
        "call 415 555 0100 1.5kg     | call [phone] 1.5kg",
        "call 415 555 0100 3.5%      | call [phone] 3.5%",
        "ref 12-34-5678abc           | ref 12-34-5678abc",
        // a '+' number with other numbers after it: its longest start that is one, then the others
        "my numbers are +1 415 555 0100 212 555 0199 | my numbers are [phone] [phone]",
        "call +44 20 7946 0958 415 555 0100 | call [phone] [phone]",
        "call +44 20 7946 0958 12 34 | call [phone] 34",
        "+1 415 555 0100 2026-11-01  | [phone] 2026-11-01",
        "+1 415 555 0100 555-0199    | [phone] [phone]",
        "+1 4155550100 212 555 0199  | [phone] [phone]",
        "call +44 20 7946 0958 123 456 | call [phone] 456",
        "call +44 20 7946 0958 12-34 | call [phone] 12-34",
        "ref 4155550100-863aa698     | ref 4155550100-863aa698",
        // glued itself, or joined to the rest by more than spaces: all of it is an identifier
        "415 555 0100abc             | 415 555 0100abc",
        "415-555-0100abc             | 415-555-0100abc",
        "ref 1776774443-863aa698     | ref 1776774443-863aa698",
        // a number in parentheses, then a dash between spaces: the phone after it is caught on its own
        "(2) - 415-555-0100          | (2) - [phone]",
        "(2024) - 415-555-0100       | (2024) - [phone]",
        "Card (1) - 4111 1111 1111 1111 | Card (1) - [card]",
    })
    void whatEndsARunOfGroupsIsNotTakenIntoThePhone(String text, String shown) {
        assertThat(MASKS.redactText(text)).isEqualTo(shown);
    }

    /**
     * Found by a review of the first version of the readings above (a stretch of short ones and a
     * phone's first group, "250 [phone] 345 678"; a number the first reading found, lost when the run
     * was read again from before a cut and that second reading ended in "2nd", "50%" or a date; lists
     * of short numbers masked once a count was cut off): what was masked stays masked, what was not
     * stays as written.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ids 10 11 12 13 14 415-555-0100 15 16 17 18 19 10 11 12 13 14 15 16 2nd end"
            + " | ids 10 11 12 13 14 [phone] 15 16 17 18 19 10 11 12 13 14 15 16 2nd end",
        "ids 10 11 12 13 14 15 16 17 18 19 10 11 12 13 14 4111 1111 1111 1111 50% end"
            + " | ids 10 11 12 13 14 15 16 17 18 19 10 11 12 13 14 [card] 50% end",
        "ids 10 11 12 13 14 15 16 17 18 19 10 11 12 13 14 15 16 020 7946 0958 5678 end"
            + " | ids 10 11 12 13 14 15 16 17 18 19 10 11 12 13 14 15 16 [phone] 5678 end",
        "ids 10 11 12 13 14 15 16 17 18 19 415-555-0100 10 11 12 13 14 15 16 17 18 19 10 11 2026-11-01 end"
            + " | ids 10 11 12 13 14 15 16 17 18 19 [phone] 10 11 12 13 14 15 16 17 18 19 10 11 2026-11-01 end",
        "100 101 102 (415) 555-0100 103 104 105 100 101 102 103 104 105 100 101 3.5 end"
            + " | 100 101 102 [phone] 103 104 105 100 101 102 103 104 105 100 101 3.5 end",
        "250 300 400 0412 345 678 | 250 300 400 [phone]",
        "100 200 300 4155 555 010 | 100 200 300 [phone]",
        "2 3 250 300 0800 123 456 | 2 3 250 300 [phone]",
        "days 5 20 21 22 23 24 25 | days 5 20 21 22 23 24 25",
        "weights 250 300 15 20 5 | weights 250 300 15 20 5",
        "ids 123 31 9999 100 200 300 | ids 123 31 9999 100 200 300",
        "sizes 99 7500 100 200 300 31 15 | sizes 99 7500 100 200 300 31 15",
        "seats 2 1 7 100 200 300 | seats 2 1 7 100 200 300",
        "days 5 20 21 22 23 24 | days 5 20 21 22 23 24",       // five of two, but no trunk 0
        // a phone whose group of four comes first, a short number after or before it: cut as before
        "0412 345 678 123 | [phone] 123",
        "123 0412 345 678 | 123 [phone]",
    })
    void aSecondReadingNeverUndoesTheFirst(String text, String shown) {
        assertThat(MASKS.redactText(text)).isEqualTo(shown);
    }

    /**
     * A candidate is read 64 characters at most; a phone its end went through is read again whole,
     * wherever in a long list of numbers it stands, and nothing is found twice.
     */
    @org.junit.jupiter.api.Test
    void aPhoneAfterALongListOfNumbersIsMaskedWhereverTheReadingStopped() {
        // numbers of 10 to 19: no country code, which would be masked with the phone after it
        StringBuilder list = new StringBuilder("ids");
        String[][] numbers = {
            {"415 555 0100", "[phone]"}, {"415-555-0100", "[phone]"}, {"(415) 555-0100", "[phone]"},
            {"0044 20 7946 0958", "[phone]"}, // cut after 0044, "20 7946 0958" alone is a phone: replaced
            {"+44 20 7946 0958", "[phone]"}, {"020 7946 0958", "[phone]"}, {"4111 1111 1111 1111", "[card]"},
            {"415 555 0100 212 555 0199", "[phone] [phone]"}, {"4111 1111 1111 1111 415 555 0100", "[card] [phone]"},
        };
        for (int k = 0; k < 50; k++) {
            list.append(' ').append(10 + k % 10);
            for (String[] number : numbers) {
                String text = list + " " + number[0] + " end";
                assertThat(MASKS.redactText(text)).as(text).isEqualTo(list + " " + number[1] + " end");
            }
        }
    }

    /**
     * Where the chain's reading and the second one, from before the cut, take different numbers that
     * overlap (the chain: "7 7 7 7 4111 1111" as a +7 phone; the second: the card), both are masked:
     * no digit either found stays (found by a review; the code before these readings left the tail).
     */
    @org.junit.jupiter.api.Test
    void whatTwoReadingsFindInPartBothIsMasked() {
        String sevens = " 7".repeat(27);
        assertThat(MASKS.redactText("ids" + sevens + " 4111 1111 1111 1111 end"))
                .isEqualTo("ids" + " 7".repeat(23) + " [phone] [card] end");
        assertThat(MASKS.redactText("ids" + " 7".repeat(29) + " 98765 43210 end"))
                .isEqualTo("ids" + " 7".repeat(22) + " [phone] [phone] end");
        assertThat(MASKS.redactText("ids" + " 1 2 3 4 5".repeat(5) + " 1 3782 822463 10005 end"))
                .isEqualTo("ids" + " 1 2 3 4 5".repeat(5) + " [phone] [card] end");
        assertThat(MASKS.redactText("ids" + " 100 200 300 400".repeat(3) + " 100 200 020 7946 0958 end"))
                .isEqualTo("ids" + " 100 200 300 400".repeat(3) + " 100 [phone] [phone] end");
    }

    @org.junit.jupiter.api.Test
    void aLongRunOfPhonesAndCountsHasEachPhoneMaskedOnce() {
        StringBuilder text = new StringBuilder("numbers:");
        StringBuilder shown = new StringBuilder("numbers:");
        for (int k = 0; k < 12; k++) {
            // a count after each: 10 to 19, no country code ("1 415 555 0111" would be one US number)
            text.append(" 415 555 01").append(10 + k).append(' ').append(10 + k % 10);
            shown.append(" [phone] ").append(10 + k % 10);
        }
        text.append(" 4111 1111 1111 1111 99");
        shown.append(" [card] 99");
        assertThat(MASKS.redactText(text.toString())).isEqualTo(shown.toString());
    }

    @org.junit.jupiter.api.Test
    void aTrunkZeroInParenthesesAfterTheCountryCodeIsNotPartOfTheNumber() {
        // printf %s 'tel:442079460958' | openssl dgst -sha256 -hmac 'callx-test-key-0123456789abcdef'
        Redactor keyed = new Redactor(RedactorTextTest.KEY);
        assertThat(keyed.redactText("+44 (0) 20 7946 0958")).isEqualTo("tel:6e75d8664eec");
        assertThat(keyed.redactText("+44 20 7946 0958")).isEqualTo("tel:6e75d8664eec");
    }
}
