package dev.skyloom.local.demo;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RanksTest {

    @Test
    void selectsWhatSortingPutsAtEachRankDuplicatesAndSignedZerosIncluded() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 300; round++) {
            int length = 1 + random.nextInt(200);
            double[] values = new double[length + 5];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(5) - 2.0;
                    case 1 -> random.nextBoolean() ? 0.0 : -0.0;
                    default -> random.nextDouble() * 100 - 50;
                };
            }
            double[] sorted = Arrays.copyOf(values, length);
            Arrays.sort(sorted);
            int rank = random.nextInt(length);
            double selected = Ranks.select(values.clone(), length, rank);
            assertThat(Double.doubleToRawLongBits(selected)).as("rank %d of %d", rank, length)
                    .isEqualTo(Double.doubleToRawLongBits(sorted[rank]));
        }
    }

    @Test
    void selectsOnlyAmongTheFirstLengthValuesAndReordersOnlyThose() {
        double[] values = {5, 4, 3, 2, 1, -100, -200};
        assertThat(Ranks.select(values, 5, 0)).isEqualTo(1.0);
        assertThat(Ranks.select(values, 5, 4)).isEqualTo(5.0);
        assertThat(Arrays.copyOfRange(values, 5, 7)).containsExactly(-100, -200);
        assertThat(Arrays.stream(values, 0, 5).sorted().toArray()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void refusesARankOutsideTheValues() {
        assertThatThrownBy(() -> Ranks.select(new double[3], 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ranks.select(new double[3], 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
