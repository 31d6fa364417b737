/**
 * The benchmark suite (issue 6): timed scenarios against the local server on loopback and a JMH measurement of the
 * datapoint decoder, run by {@link dev.skyloom.bench.BenchMain} outside the test run
 * ({@code ./mvnw -B -q test-compile exec:exec@bench}). Figures are ratios measured within one run, medians of a few
 * repetitions; the suite writes them as JSON and Markdown under {@code target/bench/}.
 *
 * <p>Parameters and return values are non-null unless a method says otherwise.
 */
package dev.skyloom.bench;
