package dev.skyloom.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code skyloom serve} running in-process on its own thread, with captured output, until {@link #stop()}. */
final class ServeRun {

    private static final Pattern URL = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger exit = new AtomicInteger(-1);
    private final Thread serving;

    private ServeRun(Map<String, String> variables, String... args) {
        Environment environment = new Environment(variables, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
        serving = Thread.ofPlatform().start(() -> exit.set(Main.commandLine(environment).execute(args)));
    }

    /** Starts {@code args} (e.g. {@code "serve", "--api-key-file", f}) with these environment variables. */
    static ServeRun start(Map<String, String> variables, String... args) {
        return new ServeRun(variables, args);
    }

    /** @return the URL the server printed, waiting up to 30 s; fails if the command ended without serving */
    String url() throws InterruptedException {
        for (int i = 0; i < 600 && serving.isAlive(); i++) {
            Matcher m = URL.matcher(out());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve printed no URL; stdout: " + out() + "; stderr: " + err());
    }

    /** Interrupts the command (as Ctrl-C would end it) and waits for it. */
    void stop() throws InterruptedException {
        serving.interrupt();
        awaitExit();
    }

    /** @return the exit code, waiting up to 10 s for the command to end */
    int awaitExit() throws InterruptedException {
        serving.join(10_000);
        if (serving.isAlive()) {
            throw new AssertionError("serve did not end; stderr: " + err());
        }
        return exit.get();
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
