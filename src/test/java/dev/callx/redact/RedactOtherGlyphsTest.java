package dev.callx.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers written with other glyphs than ASCII's (README "--redact"): digits of other scripts,
 * fullwidth forms, other dashes and spaces, numbers in the sentences of scripts that set no space
 * between a number and the word next to it, a phone's label written onto it; and what ends a
 * number rather than joins its groups.
 */
class RedactOtherGlyphsTest {
    private static final Redactor MASKS = Redactor.masking();
    private static final Redactor KEYED = new Redactor(RedactorTextTest.KEY);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // digits of other scripts: fullwidth, Devanagari, Arabic-Indic, Eastern Arabic-Indic, Bengali, Thai
        "call ４１５-５５５-０１００ now | call [phone] now",
        "call ＋１ （４１５） ５５５－０１００ now | call [phone] now",
        "कॉल करें ९८७६५ ४३२१० पर | कॉल करें [phone] पर",
        "call ٤١٥٥٥٥٠١٠٠ now | call [phone] now",
        "call ۴۱۵-۵۵۵-۰۱۰۰ now | call [phone] now",
        "call ৯৮৭৬৫ ৪৩২১০ now | call [phone] now",
        "โทร ๐๘๑-๒๓๔-๕๖๗๘ ครับ | โทร [phone] ครับ",
        "card ４１１１ １１１１ １１１１ １１１１ ok | card [card] ok",
        // other separators: the fullwidth hyphen, the ideographic space; between digits, what Japanese
        // input writes for a hyphen (the long vowel mark, halfwidth too, the middle dot), a soft hyphen
        "call 415－555－0100 now | call [phone] now",
        "call 415　555　0100 now | call [phone] now",
        "03ー1234ー5678 | [phone]",
        "０３ｰ１２３４ｰ５６７８ | [phone]",
        "０９０・１２３４・５６７８ | [phone]",
        "03─1234─5678 | [phone]",
        "03﹘1234﹘5678 | [phone]",
        "call 415\u00AD555\u00AD0100 now | call [phone] now",
        // fullwidth '.' and '/' are a sentence's punctuation
        "1．090-1234-5678 | 1．[phone]",
        "TEL 03-1234-5678／FAX 03-1234-5679 | TEL [phone]／FAX [phone]",
        "Tel．03-1234-5678 | Tel．[phone]",
        "090-1234-5678．田中 | [phone]．田中",
        // a phone's label written onto it, or abbreviated with a dot (also Thai's)
        "TEL03-1234-5678 | TEL[phone]",
        "TEL.03-1234-5678 | TEL.[phone]",
        "Tel.０３－１２３４－５６７８ | Tel.[phone]",
        "tel13812345678 | tel[phone]",
        "連絡先 TEL03-1234-5678 | 連絡先 TEL[phone]",
        "call Mobile4155550100 now | call Mobile[phone] now",
        "ph4155550100 | ph[phone]",
        "โทร.081-234-5678 | โทร.[phone]",
        // an area code closed alone, as Korea writes it
        "전화 02)123-4567 로 | 전화 [phone] 로",
        "call 031) 123-4567 now | call [phone] now",
        "02)123-4567 | [phone]",
        "02) 9876 5432 24/7 | [phone] 24/7",
        // a number in a sentence of Japanese, Chinese, Korean, Thai: letters written onto it
        "090-1234-5678に電話してください | [phone]に電話してください",
        "０３－１２３４－５６７８まで | [phone]まで",
        "请拨打13812345678联系我 | 请拨打[phone]联系我",
        "电话 138 1234 5678 请回拨 | 电话 [phone] 请回拨",
        "전화 010-1234-5678로 주세요 | 전화 [phone]로 주세요",
        "โทร081-234-5678ครับ | โทร[phone]ครับ",
    })
    void numbersOfOtherGlyphsAreMasked(String written, String shown) {
        assertThat(MASKS.redactText(written.replace("\\u00AD", "\u00AD"))).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // what stays in ASCII stays in other glyphs: dates, ranges, short numbers, prices
        "2026年11月01日に | 2026年11月01日に",
        "２０２６－１１－０１ | ２０２６－１１－０１",
        "pages 12—34 and 1998—2004 | pages 12—34 and 1998—2004",
        "注文番号12345678です | 注文番号12345678です",
        "価格は¥１２,３４５です | 価格は¥１２,３４５です",
        // a Latin letter next to a number still makes an identifier, unless it ends a phone's label
        "ref abc4155550100 | ref abc4155550100",
        "hotel4155550100 | hotel4155550100",
        "call hotel4155550100 | call hotel4155550100",
        // letters of scripts that set words apart with spaces still make an identifier
        "ref café4155550100 | ref café4155550100",
        "नंबर9876543210 | नंबर9876543210",
        "v1.2.4155550100 | v1.2.4155550100",
        // a ')' after a number that is no area code: a list's item, too short a number after it
        "see 1) 415 and 2) 555 | see 1) 415 and 2) 555",
        "step 02) done | step 02) done",
        "02)1234 | 02)1234",
        "00)934-5678 | 00)[phone]",
        "0111)91234-5678 | 0111)[phone]",
        "01.)555-0100 | 01.)[phone]",
        "x 0)4155550100 | x 0)[phone]",
        "+44)20 7946 | +44)20 7946",
        // the long vowel mark and the middle dot elsewhere are a word's
        "コーヒー2杯 | コーヒー2杯",
        // a tab, an em dash, a minus sign are no separator within a number: they end one
        "call 415—555—0100 now | call 415—555—0100 now",
        "415-555-0100—212-555-0199 | [phone]—[phone]",
        "Call 415-555-0100—9am | Call [phone]—9am",
        "4155550100\t-5 | [phone]\t-5",
        "+1 415 555 0100\t-7 | [phone]\t-7",
        "4155550100−5 | [phone]−5",
        // China's 3-4-4 that is a list: a year last, round hundreds, mixed separators
        "134 5678 2026 | 134 5678 2026",
        "150 1200 1800 | 150 1200 1800",
        "138 1234-5678 | 138 1234-5678",
        "ref ４１５５５５０１００abc | ref ４１５５５５０１００abc",
    })
    void whatIsNoNumberInAsciiIsNoneInOtherGlyphs(String written, String shown) {
        assertThat(MASKS.redactText(written.replace("\\t", "\t"))).isEqualTo(shown.replace("\\t", "\t"));
    }

    @Test
    void aNumberGetsOneTokenWhateverItsGlyphs() {
        String token = RedactorTextTest.TEL_14155550100;
        assertThat(KEYED.redactText("at ＋１ ４１５ ５５５ ０１００.")).isEqualTo("at " + token + ".");
        assertThat(KEYED.redactText("at +१ ४१५ ५५५ ०१००.")).isEqualTo("at " + token + ".");
        assertThat(KEYED.redactText("at ＋１ (４１５) ５５５－０１００.")).isEqualTo("at " + token + ".");
        assertThat(Detector.phoneValue("＋１ （４１５） ５５５－０１００")).isEqualTo("14155550100");
    }

    @Test
    void foldingKeepsEveryPositionAndLeavesAsciiTextAsItIs() {
        String ascii = "call 415-555-0100 (ext. 12) now";
        assertThat(Glyphs.fold(ascii)).isSameAs(ascii);
        assertThat(Glyphs.fold("a\t４—−＋（）－　٣")).isEqualTo("a\t4—−+()\u2013 3");
        assertThat(Glyphs.fold("1．2／3ー4ｰ5・6\u00AD7")).isEqualTo("1．2／3\u20134\u20135\u20136\u20137");
        assertThat(Glyphs.fold("ー・aー1ｰ\u00AD")).isEqualTo("ー・aー1ｰ\u00AD");
        assertThat(Glyphs.fold("ー1ー")).isEqualTo("ー1ー");
        // a character of a surrogate pair, a letter, a non-digit number stay
        assertThat(Glyphs.fold("\uD835\uDFCE ½ Ⅻ é")).isEqualTo("\uD835\uDFCE ½ Ⅻ é");
        // what surrounds a number found in folded text is written back as it was
        assertThat(MASKS.redactText("「０９０－１２３４－５６７８」")).isEqualTo("「[phone]」");
    }
}
