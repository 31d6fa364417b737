package dev.skyloom.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 CSV text into records of cells: fields separated by commas, records by CRLF or LF, fields in double
 * quotes may hold commas, line breaks and doubled quotes ({@code ""}).
 */
final class CsvRecords {

    private CsvRecords() {
    }

    /**
     * Appends every record of {@code text} to {@code records} and the line it starts on to {@code lines}.
     *
     * @throws CommandFailure naming the line of an unclosed quote or of text after a closing quote
     */
    static void parse(Path file, String text, List<List<String>> records, List<Long> lines) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        long line = 1;
        long recordLine = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && cell.isEmpty()) {
                long quoteLine = line;
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new CommandFailure(file + " line " + quoteLine + ": a quoted cell is not closed", null);
                    }
                    char q = text.charAt(i++);
                    if (q == '"' && i < text.length() && text.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else if (q == '"') {
                        break;
                    } else {
                        line += q == '\n' ? 1 : 0;
                        cell.append(q);
                    }
                }
                if (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
                    throw new CommandFailure(file + " line " + line + ": text after a closing quote", null);
                }
                continue;
            }
            if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                records.add(cells);
                lines.add(recordLine);
                cells = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                cell.append(c);
            }
            i++;
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            records.add(cells);
            lines.add(recordLine);
        }
    }
}
