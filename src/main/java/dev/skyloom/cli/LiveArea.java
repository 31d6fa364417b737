package dev.skyloom.cli;

import org.jline.utils.AttributedString;

import java.util.List;

/**
 * A block of lines at the bottom of a terminal that is redrawn in place, and how wide the terminal is now. The
 * progress display draws into one; tests use one that records the frames.
 */
interface LiveArea extends AutoCloseable {

    /** {@return the terminal's width in columns now (it may change between calls)} */
    int columns();

    /** {@return the terminal's height in rows now} */
    int rows();

    /** Replaces the lines drawn last with {@code lines}. */
    void draw(List<AttributedString> lines);

    /** Leaves the last frame on screen, puts the cursor on the line after it, and releases the terminal. */
    @Override
    void close();
}
