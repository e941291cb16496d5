package dev.callx.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers written with other glyphs than ASCII's (README "--redact"): digits of other scripts,
 * fullwidth forms, other dashes and spaces, and numbers in the sentences of scripts that set no
 * space between a number and the word next to it.
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
        // other separators: em dash, horizontal bar, minus sign, fullwidth hyphen, tab, ideographic space
        "call 415—555—0100 now | call [phone] now",
        "call 415―555―0100 now | call [phone] now",
        "call 415−555−0100 now | call [phone] now",
        "call 415－555－0100 now | call [phone] now",
        "call 415\t555\t0100 now | call [phone] now",
        "call 415　555　0100 now | call [phone] now",
        // an em dash after a number is punctuation, not an identifier's hyphen
        "call 415 555 0100—thanks | call [phone]—thanks",
        // a number in a sentence of Japanese, Chinese, Korean, Thai: letters written onto it
        "090-1234-5678に電話してください | [phone]に電話してください",
        "０３－１２３４－５６７８まで | [phone]まで",
        "请拨打13812345678联系我 | 请拨打[phone]联系我",
        "电话 138 1234 5678 请回拨 | 电话 [phone] 请回拨",
        "전화 010-1234-5678로 주세요 | 전화 [phone]로 주세요",
        "โทร081-234-5678ครับ | โทร[phone]ครับ",
    })
    void numbersOfOtherGlyphsAreMasked(String written, String shown) {
        assertThat(MASKS.redactText(written.replace("\\t", "\t"))).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // what stays in ASCII stays in other glyphs: dates, ranges, short numbers, prices
        "2026年11月01日に | 2026年11月01日に",
        "２０２６－１１－０１ | ２０２６－１１－０１",
        "pages 12—34 and 1998—2004 | pages 12—34 and 1998—2004",
        "注文番号12345678です | 注文番号12345678です",
        "価格は¥１２,３４５です | 価格は¥１２,３４５です",
        // a Latin letter next to a number still makes an identifier
        "ref abc4155550100 | ref abc4155550100",
        "ref ４１５５５５０１００abc | ref ４１５５５５０１００abc",
    })
    void whatIsNoNumberInAsciiIsNoneInOtherGlyphs(String written, String shown) {
        assertThat(MASKS.redactText(written)).isEqualTo(shown);
    }

    @Test
    void aNumberGetsOneTokenWhateverItsGlyphs() {
        String token = RedactorTextTest.TEL_14155550100;
        assertThat(KEYED.redactText("at ＋１ ４１５ ５５５ ０１００.")).isEqualTo("at " + token + ".");
        assertThat(KEYED.redactText("at +१ ४१५ ५५५ ०१००.")).isEqualTo("at " + token + ".");
        assertThat(KEYED.redactText("at +1—415—555—0100.")).isEqualTo("at " + token + ".");
        assertThat(Detector.phoneValue("＋１ （４１５） ５５５－０１００")).isEqualTo("14155550100");
    }

    @Test
    void foldingKeepsEveryPositionAndLeavesAsciiTextAsItIs() {
        String ascii = "call 415-555-0100 (ext. 12) now";
        assertThat(Glyphs.fold(ascii)).isSameAs(ascii);
        assertThat(Glyphs.fold("a\t４—＋（）．／　٣")).isEqualTo("a 4\u2013+()./ 3");
        // a character of a surrogate pair, a letter, a non-digit number stay
        assertThat(Glyphs.fold("\uD835\uDFCE ½ Ⅻ é")).isEqualTo("\uD835\uDFCE ½ Ⅻ é");
        // what surrounds a number found in folded text is written back as it was
        assertThat(MASKS.redactText("「０９０－１２３４－５６７８」")).isEqualTo("「[phone]」");
    }
}
