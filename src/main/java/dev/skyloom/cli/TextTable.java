package dev.skyloom.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells printed with aligned columns: a header row, a rule, then the rows, columns separated by two
 * spaces. Cells longer than the column limit are cut with an ellipsis, and control and escape characters in them are
 * shown escaped ({@link TerminalText#safe}), so text from a server cannot steer the terminal.
 */
final class TextTable {

    private static final int MAX_CELL = 48;

    private final List<String> header;
    private final int maxCell;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table whose cells are cut at {@value #MAX_CELL} characters. */
    TextTable(List<String> header) {
        this(header, MAX_CELL);
    }

    /**
     * @param maxCell the longest a cell may be before it is cut
     */
    TextTable(List<String> header, int maxCell) {
        this.header = header.stream().map(TerminalText::safe).toList();
        this.maxCell = maxCell;
    }

    /**
     * Adds a row.
     *
     * @throws IllegalArgumentException if it has another number of cells than the header
     */
    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("a row has " + row.size() + " cells, the header " + header.size());
        }
        rows.add(row.stream().map(this::cut).toList());
    }

    /** @return the number of rows added */
    int size() {
        return rows.size();
    }

    /**
     * Prints the table with {@code \n} line ends.
     *
     * @throws IOException if the output cannot be written
     */
    void print(Writer out) throws IOException {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        printRow(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        printRow(out, rule, widths);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
    }

    private static void printRow(Writer out, List<String> cells, int[] widths) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(cells.get(i));
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cells.get(i).length()));
            }
        }
        out.write(line.toString().stripTrailing());
        out.write('\n');
    }

    private String cut(String cell) {
        String safe = TerminalText.safe(cell);
        return safe.length() <= maxCell ? safe : safe.substring(0, maxCell - 1) + "…";
    }
}
