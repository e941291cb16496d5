package dev.callx.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The merge of a second reading into the chain's findings, on hand-made findings over one text: what
 * the first reading masked stays masked, a finding that covers one replaces it, findings that
 * overlap in part are both masked, and the result stays in order and apart.
 */
class ReadingsTest {
    //                                  0         1         2         3         4
    //                                  012345678901234567890123456789012345678901234567
    private static final String TEXT = "ids 7 415 555 0100 212 555 0199 8 4111 1111 end";

    private static Finding at(String number, Kind kind) {
        int start = TEXT.indexOf(number);
        return new Finding(start, start + number.length(), kind, number.replaceAll("[^0-9]", ""));
    }

    private static Finding phone(String number) {
        return at(number, Kind.PHONE);
    }

    private static List<String> spans(Readings readings) {
        return readings.all().stream().map(f -> TEXT.substring(f.start(), f.end())).toList();
    }

    @Test
    void aFindingApartFromTheOthersIsAdded() {
        Readings r = new Readings(TEXT);
        r.add(phone("415 555 0100"));
        r.merge(List.of(phone("212 555 0199")));
        assertThat(spans(r)).containsExactly("415 555 0100", "212 555 0199");
    }

    @Test
    void oneThatCoversAFindingReplacesIt() {
        Readings r = new Readings(TEXT);
        r.add(phone("555 0100"));
        r.merge(List.of(phone("415 555 0100")));
        assertThat(spans(r)).containsExactly("415 555 0100");
        // from the same start, or to the same end
        r = new Readings(TEXT);
        r.add(phone("415 555"));
        r.merge(List.of(phone("415 555 0100")));
        assertThat(spans(r)).containsExactly("415 555 0100");
    }

    @Test
    void theSameFindingOrOneInsideAnotherAddsNothing() {
        Readings r = new Readings(TEXT);
        r.add(phone("415 555 0100"));
        r.merge(List.of(phone("415 555 0100")));
        r.merge(List.of(phone("555 0100")));
        assertThat(r.all()).containsExactly(phone("415 555 0100"));
    }

    @Test
    void aReadingThatMasksEveryDigitOfWhatItOverlapsReplacesItAll() {
        // the chain, cut, took "0100 212 555" for a number; the second reading sees the two phones
        Readings r = new Readings(TEXT);
        r.add(phone("0100 212 555"));
        r.merge(List.of(phone("415 555 0100"), phone("212 555 0199")));
        assertThat(spans(r)).containsExactly("415 555 0100", "212 555 0199");
    }

    @Test
    void findingsThatOverlapInPartAreBothMasked() {
        // the second reading's number reaches past the first's: its part after it is masked too
        Readings r = new Readings(TEXT);
        r.add(phone("7 415 555"));
        r.merge(List.of(phone("415 555 0100 212")));
        assertThat(spans(r)).containsExactly("7 415 555", "0100 212");
        // and before it
        r = new Readings(TEXT);
        r.add(phone("0100 212 555"));
        r.merge(List.of(phone("415 555 0100")));
        assertThat(spans(r)).containsExactly("415 555", "0100 212 555");
        // a card read whole after a phone that took its first group: the rest of the card
        r = new Readings(TEXT);
        r.add(phone("8 4111"));
        r.merge(List.of(at("4111 1111", Kind.CARD)));
        assertThat(r.all()).containsExactly(phone("8 4111"),
                new Finding(TEXT.indexOf("1111"), TEXT.indexOf("1111") + 4, Kind.CARD, "41111111"));
    }

    @Test
    void aReadingThatLeavesADigitOfTheFirstIsMergedFindingByFinding() {
        // "415 555 0100 212" is not all masked by the second reading's one phone: it stays, and the
        // part of the phone beyond it is masked too
        Readings r = new Readings(TEXT);
        r.add(phone("415 555 0100 212"));
        r.merge(List.of(phone("555 0100 212 555 0199")));
        assertThat(spans(r)).containsExactly("415 555 0100 212", "555 0199");
    }
}
