package dev.skyloom.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders a {@link SuiteReport} as JSON (for tools) and as Markdown (for the console and the README). */
final class ReportWriter {

    /** The JSON file's name under the output directory. */
    static final String JSON = "bench.json";
    /** The Markdown file's name under the output directory. */
    static final String MARKDOWN = "bench.md";

    private ReportWriter() {
    }

    /**
     * Writes {@value #JSON} and {@value #MARKDOWN} into {@code dir}, creating it if needed.
     *
     * @throws IOException if a file cannot be written
     */
    static void write(SuiteReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(JSON).toFile(), report);
        Files.writeString(dir.resolve(MARKDOWN), markdown(report));
    }

    /** The whole report as Markdown: the machine, then per scenario its settings, table, targets and notes. */
    static String markdown(SuiteReport report) {
        StringBuilder md = new StringBuilder();
        md.append("Benchmarks of ").append(report.date()).append(report.quick() ? " (QUICK smoke sizes: figures are "
                + "not meaningful)" : "").append("\n\n");
        md.append("- Machine: ").append(report.machine().describe()).append('\n');
        md.append("- Command: `").append(report.command()).append("`\n");
        md.append(String.format(Locale.ROOT, "- Took %.0f s%n", report.seconds()));
        for (ScenarioReport s : report.scenarios()) {
            md.append("\n### ").append(s.number()).append(". ").append(s.title()).append("\n\n");
            if (!s.settings().isEmpty()) {
                List<String> settings = new ArrayList<>();
                s.settings().forEach((k, v) -> settings.add(k + " " + v));
                md.append("Settings: ").append(String.join(", ", settings)).append(".\n\n");
            }
            table(md, s.rows());
            if (!s.targets().isEmpty()) {
                md.append('\n');
                for (Target t : s.targets()) {
                    md.append("- ").append(t.met() ? "[met] " : "[MISSED] ").append(t.what()).append(": ")
                            .append(number(t.measured())).append(' ').append(t.relation()).append(' ')
                            .append(number(t.limit())).append(t.met() ? "" : " (" + t.verdict() + ")").append('\n');
                }
            }
            for (String note : s.notes()) {
                md.append('\n').append(note).append('\n');
            }
        }
        if (!report.failures().isEmpty()) {
            md.append("\n### Scenarios that did not run\n\n");
            report.failures().forEach(f -> md.append("- ").append(f).append('\n'));
        }
        return md.toString();
    }

    private static void table(StringBuilder md, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        md.append("| ").append(String.join(" | ", columns)).append(" |\n");
        md.append("|").append(" --- |".repeat(columns.size())).append('\n');
        for (Map<String, Object> row : rows) {
            md.append('|');
            for (String column : columns) {
                Object value = row.get(column);
                md.append(' ').append(value == null ? "" : value instanceof Number n ? number(n.doubleValue())
                        : value.toString()).append(" |");
            }
            md.append('\n');
        }
    }

    /** Three significant digits for small figures, thousands separators for large ones. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
