package dev.skyloom.cli;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The live area on the process's real terminal (stderr), through jline: its {@link Display} redraws only what
 * changed, and the size is read again whenever the terminal reports a resize (SIGWINCH) and, in case signals are
 * not delivered, every two seconds. After a resize the next frame is drawn anew below the last one (see
 * {@link #eraseDrawn}). Lines are drawn one column short of the width, so the cursor never waits in the last column.
 */
final class TerminalScreen implements LiveArea {

    private static final long POLL_NANOS = 2_000_000_000L;

    private final Terminal terminal;
    private Display display;
    private volatile boolean resized;
    private long lastPoll = System.nanoTime();
    private Size size;

    private TerminalScreen(Terminal terminal) {
        this.terminal = terminal;
        this.display = new Display(terminal, false);
        this.size = sizeOf(terminal);
        display.resize(size.getRows(), size.getColumns());
        terminal.handle(Terminal.Signal.WINCH, signal -> resized = true);
    }

    /**
     * Opens the terminal that stderr is.
     *
     * @throws UncheckedIOException if it cannot be opened
     */
    static TerminalScreen openStderr() {
        try {
            return new TerminalScreen(TerminalBuilder.builder().system(true)
                    .systemOutput(TerminalBuilder.SystemOutput.SysErr).nativeSignals(true).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the width of the terminal that {@code stream} is, or 80 if it cannot be told} */
    static int columns(SystemStream stream) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true)
                .systemOutput(stream == SystemStream.Output ? TerminalBuilder.SystemOutput.SysOut
                        : TerminalBuilder.SystemOutput.SysErr).build()) {
            int width = terminal.getWidth();
            return width > 0 ? width : 80;
        } catch (IOException | RuntimeException e) {
            return 80;
        }
    }

    /** One column less than the terminal has: a line that fills the last column leaves the cursor in limbo. */
    @Override
    public synchronized int columns() {
        refreshSize();
        return Math.max(1, size.getColumns() - 1);
    }

    @Override
    public synchronized int rows() {
        refreshSize();
        return size.getRows();
    }

    @Override
    public synchronized void draw(List<AttributedString> lines) {
        refreshSize();
        display.update(lines, -1);
        terminal.flush();
    }

    @Override
    public synchronized void close() {
        terminal.writer().println();
        terminal.flush();
        try {
            terminal.close();
        } catch (IOException ignored) {
            // the bars are drawn; nothing is lost
        }
    }

    private void refreshSize() {
        long now = System.nanoTime();
        if (resized || now - lastPoll > POLL_NANOS) {
            resized = false;
            lastPoll = now;
            Size current = sizeOf(terminal);
            if (!current.equals(size)) {
                size = current;
                eraseDrawn();
                display = new Display(terminal, false);
                display.resize(size.getRows(), size.getColumns());
            }
        }
    }

    /**
     * Leaves the last frame where it is and goes below it, erasing whatever is there: how a terminal rewraps the
     * old lines on a resize (and so where the cursor ends up) differs from one terminal to the next, so nothing above
     * the cursor is touched and the next frame starts afresh on the line after.
     */
    private void eraseDrawn() {
        terminal.writer().print("\r\n\u001b[J");
        terminal.flush();
    }

    private static Size sizeOf(Terminal terminal) {
        Size size = terminal.getSize();
        return new Size(size.getColumns() > 0 ? size.getColumns() : 80, size.getRows() > 0 ? size.getRows() : 24);
    }
}
