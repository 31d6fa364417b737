package dev.skyloom.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one scenario measured: its settings (server knobs, sizes, repetitions), a table of figures, the issue's
 * targets checked against them, and notes (how a figure was derived, what limits it).
 *
 * @param number   the scenario's number (1 to 10)
 * @param title    a short title
 * @param settings every setting that shaped the figures, by name
 * @param rows     the table: one map per row, column name to a number or text, columns in the same order
 * @param targets  the targets checked
 * @param notes    sentences printed under the table
 */
record ScenarioReport(int number, String title, Map<String, String> settings, List<Map<String, Object>> rows,
                      List<Target> targets, List<String> notes) {

    /** Copies everything, keeping the order of settings and columns. */
    ScenarioReport {
        Objects.requireNonNull(title, "title");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        rows = rows.stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
        targets = List.copyOf(targets);
        notes = List.copyOf(notes);
    }

    /** Collects a report step by step; a scenario fills one in as it measures. */
    static final class Builder {
        private final int number;
        private final String title;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<Map<String, Object>> rows = new ArrayList<>();
        private final List<Target> targets = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Builder(int number, String title) {
            this.number = number;
            this.title = title;
        }

        Builder setting(String name, Object value) {
            settings.put(name, String.valueOf(value));
            return this;
        }

        /** Adds a row; {@code cells} alternate column name and value. */
        Builder row(Object... cells) {
            if (cells.length % 2 != 0) {
                throw new IllegalArgumentException("row cells must alternate column name and value");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < cells.length; i += 2) {
                row.put((String) cells[i], cells[i + 1]);
            }
            rows.add(row);
            return this;
        }

        Builder target(Target target) {
            targets.add(target);
            return this;
        }

        Builder note(String note) {
            notes.add(note);
            return this;
        }

        ScenarioReport build() {
            return new ScenarioReport(number, title, settings, rows, targets, notes);
        }
    }
}
