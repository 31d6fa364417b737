package dev.skyloom.bench;

import java.util.List;

/**
 * Everything one run of the suite measured.
 *
 * @param date      when the run started (UTC, ISO-8601)
 * @param machine   the machine it ran on
 * @param command   how it was started
 * @param quick     whether it ran with the tiny smoke-test sizes (figures then mean nothing)
 * @param seconds   how long the whole run took
 * @param scenarios the scenarios' reports, in order
 * @param failures  scenarios that could not run, one line each naming the scenario and the error
 */
record SuiteReport(String date, Machine machine, String command, boolean quick, double seconds,
                   List<ScenarioReport> scenarios, List<String> failures) {

    /** Copies the lists. */
    SuiteReport {
        scenarios = List.copyOf(scenarios);
        failures = List.copyOf(failures);
    }
}
