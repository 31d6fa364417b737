package dev.skyloom.bench;

import java.util.Locale;

/**
 * One target of the issue, checked against a measured figure.
 *
 * @param what     the figure and the case, e.g. {@code concurrent / ideal, K = 16}
 * @param measured the figure measured
 * @param relation {@code <=} or {@code >=}
 * @param limit    the target
 * @param met      whether the measured figure meets the target
 * @param verdict  {@code met}, or by how much it is missed, e.g. {@code missed by 12.5 %}
 */
record Target(String what, double measured, String relation, double limit, boolean met, String verdict) {

    /** A target the figure must not exceed. */
    static Target atMost(String what, double measured, double limit) {
        boolean met = measured <= limit;
        return new Target(what, measured, "<=", limit, met, verdict(met, measured, limit));
    }

    /** A target the figure must reach. */
    static Target atLeast(String what, double measured, double limit) {
        boolean met = measured >= limit;
        return new Target(what, measured, ">=", limit, met, verdict(met, measured, limit));
    }

    private static String verdict(boolean met, double measured, double limit) {
        if (met) {
            return "met";
        }
        return String.format(Locale.ROOT, "missed by %.1f %%", Math.abs(measured - limit) / limit * 100);
    }
}
