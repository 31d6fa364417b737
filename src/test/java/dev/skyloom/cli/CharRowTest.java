package dev.skyloom.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV fast path's number text is exactly the JDK's, on random and boundary values. */
class CharRowTest {

    @Test
    void doublesReadAsDoubleToStringAndOrdinatesAsWktText() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1e-3, -1e-3, Math.nextDown(1e-3), Math.nextUp(1e-3),
                1e7, Math.nextDown(1e7), 9_999_999.99999999, 0.1 + 0.2, 1 / 3.0, 2 / 3.0, 166.19, 10.0, 1e15, 1e-7,
                123456789012345.6, 0.30000000000000004, 5e-324, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1234567.125, 0.0015, 2.5e-3, 999.9999999));
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(-5, 9));
            double plain = random.nextDouble(-magnitude, magnitude);
            int decimals = random.nextInt(0, 12);
            double scale = Math.pow(10, decimals);
            values.add(plain);
            values.add(Math.rint(plain * scale) / scale);
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add(Math.nextUp(Math.rint(plain * scale) / scale));
        }
        CharRow row = new CharRow();
        StringBuilder wkt = new StringBuilder();
        for (double value : values) {
            row.setLength(0);
            row.append(value);
            assertThat(text(row)).as("%s", value).isEqualTo(Double.toString(value));
            row.setLength(0);
            row.appendOrdinate(value);
            wkt.setLength(0);
            WktText.number(wkt, value);
            assertThat(text(row)).as("%s", value).isEqualTo(wkt.toString());
        }
    }

    @Test
    void appendCopyRepeatsEarlierCharactersAlsoWhenTheRowMustGrow() {
        CharRow row = new CharRow();
        String filler = "x".repeat(4090);
        row.append(filler).append("abcdef"); // fills the first buffer of 4096 characters

        row.appendCopy(4091, 4095).appendCopy(0, 2);

        assertThat(text(row)).isEqualTo(filler + "abcdef" + "bcde" + "xx");
    }

    private static String text(CharRow row) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < row.length(); i++) {
            text.append(row.charAt(i));
        }
        return text.toString();
    }
}
