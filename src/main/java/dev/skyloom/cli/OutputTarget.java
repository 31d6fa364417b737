package dev.skyloom.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command writes its data: standard output or a file. Files are opened before any work starts, so a path that
 * cannot be written is reported at once as a usage error naming it.
 */
final class OutputTarget {

    /** The size of the blocks text files are written in. */
    private static final int FILE_BLOCK = 1 << 16;

    private OutputTarget() {
    }

    /**
     * Opens {@code file} for writing (UTF-8, replacing it), or standard output when {@code file} is null; closing the
     * returned writer flushes but leaves standard output open.
     *
     * @param option the option that named the file, for the message
     * @throws ParameterException naming the path if it is a directory, its directory is missing, or it cannot be
     *                            written
     */
    static Writer open(Path file, String option, PrintStream stdout, CommandLine commandLine) {
        if (file == null) {
            return stdout(stdout);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw cannotWrite(commandLine, option, file, "it is a directory");
        }
        if (parent != null && !Files.isDirectory(parent)) {
            throw cannotWrite(commandLine, option, file, "directory " + parent + " does not exist");
        }
        try {
            return textFile(file);
        } catch (AccessDeniedException e) {
            throw cannotWrite(commandLine, option, file, "permission denied");
        } catch (IOException e) {
            throw cannotWrite(commandLine, option, file, e.getMessage());
        }
    }

    /**
     * Opens {@code file} for UTF-8 text, created or truncated, writing it in blocks of 64 KiB: a writer of the JDK
     * ({@link Files#newBufferedWriter}) writes 8 KiB at a time, 10,430 system calls for the Landsat load's 83 MB.
     *
     * @throws IOException if the file cannot be opened
     */
    static Writer textFile(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(new BufferedOutputStream(Files.newOutputStream(file),
                FILE_BLOCK), StandardCharsets.UTF_8));
    }

    /** @return a UTF-8 writer over {@code stdout} whose {@code close()} only flushes */
    static Writer stdout(PrintStream stdout) {
        return new FilterWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8))) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * Creates {@code dir} (with its parents) if needed and checks that files can be written in it.
     *
     * @throws ParameterException naming the directory if it cannot be created or written
     */
    static Path directory(Path dir, String option, CommandLine commandLine) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw cannotWrite(commandLine, option, dir, e instanceof AccessDeniedException ? "permission denied"
                    : "cannot create the directory (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw cannotWrite(commandLine, option, dir, "the directory is not writable");
        }
        return dir;
    }

    private static ParameterException cannotWrite(CommandLine commandLine, String option, Path path, String why) {
        return new ParameterException(commandLine, "cannot write " + option + " " + path + ": " + why);
    }
}
