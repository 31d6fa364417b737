package dev.skyloom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program for a test (a Python, GDAL's tools), stdout and stderr together, with a time bound. */
public final class Processes {

    /**
     * What a run produced.
     *
     * @param exit   the exit code; -1 if the program could not be started or ran out of time
     * @param output stdout and stderr, interleaved
     */
    public record Result(int exit, String output) {
    }

    private Processes() {
    }

    /** @return what {@code command} produced within {@code seconds} (a program that is missing gives exit -1) */
    public static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, output + "\n(timed out)");
        }
        return new Result(process.exitValue(), output);
    }
}
