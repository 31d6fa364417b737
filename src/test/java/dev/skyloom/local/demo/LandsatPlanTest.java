package dev.skyloom.local.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LandsatPlanTest {

    private static LandsatPlan plan(long seed) {
        return LandsatPlan.of(Landsat8OliTirs.orbit(), Landsat8OliTirs.START, Landsat8OliTirs.END, seed);
    }

    private static boolean in2020(LandsatPlan plan, int i) {
        long time = plan.scene(i).time();
        return time >= LandsatPlan.YEAR_START && time < LandsatPlan.YEAR_END;
    }

    @ParameterizedTest
    @ValueSource(longs = {7L, -123_456_789L})
    void everySeedGives2020TheDocumentedCountsAndSomeScenesAroundIt(long seed) {
        LandsatPlan plan = plan(seed);
        long[] in2020 = new long[4];
        long[] outside = new long[4];
        for (int i = 0; i < plan.size(); i++) {
            long[] counts = in2020(plan, i) ? in2020 : outside;
            if (plan.category(i) >= 0) {
                counts[plan.category(i)]++;
            }
            if (plan.hasL2sp(i)) {
                counts[3]++;
            }
        }

        assertThat(in2020).containsExactly(19_624, 1_281, 65_313, 25_375);
        assertThat(outside[LandsatPlan.L1GT]).isPositive();
        assertThat(outside[LandsatPlan.L1TP]).isPositive();
        assertThat(outside[3]).isPositive();
    }

    @Test
    void l1tEndsOn2020August24AndL2spComesOnlyFromL1tp() {
        LandsatPlan plan = plan(DemoCatalog.DEFAULT_SEED);
        long lastL1t = Long.MIN_VALUE;
        for (int i = 0; i < plan.size(); i++) {
            if (plan.category(i) == LandsatPlan.L1T) {
                lastL1t = Math.max(lastL1t, plan.scene(i).time());
            }
            if (plan.hasL2sp(i)) {
                assertThat(plan.category(i)).isEqualTo(LandsatPlan.L1TP);
            }
        }

        assertThat(lastL1t).isLessThan(LandsatPlan.L1T_END).isGreaterThan(LandsatPlan.L1T_END - 30 * 86_400_000L);
    }

    @Test
    void differentSeedsAcquireDifferentScenes() {
        LandsatPlan first = plan(1L);
        LandsatPlan second = plan(2L);
        int differences = 0;
        for (int i = 0; i < first.size(); i++) {
            if (first.category(i) != second.category(i)) {
                differences++;
            }
        }

        assertThat(second.size()).isEqualTo(first.size());
        assertThat(differences).isGreaterThan(first.size() / 10);
    }
}
