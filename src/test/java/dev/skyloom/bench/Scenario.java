package dev.skyloom.bench;

import java.io.PrintStream;

/** One scenario of the suite: measures and reports. */
interface Scenario {

    /** {@return the scenario's number in issue 6} */
    int number();

    /** {@return a short title} */
    String title();

    /**
     * Runs the scenario.
     *
     * @param settings the suite's settings (sizes, repetitions, output directory)
     * @param log      where progress lines go
     * @return what it measured
     * @throws Exception if it cannot run; the suite reports the failure and goes on with the next scenario
     */
    ScenarioReport run(BenchSettings settings, PrintStream log) throws Exception;
}
