package dev.skyloom.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@link LocalServer} as a process, for tests and scripts (the CLI's {@code skyloom serve} is the friendly
 * front end). Flags: {@code --port P --host H --data DIR --in-memory --demo --read-only --demo-cache DIR
 * --synthetic DATASET/COLLECTION=N[,...] --latency 50ms --jitter 10ms --page-size N --bandwidth MBPS
 * --fault-rate F --api-key K --seed S --max-request-bytes N --read-timeout 30s --idle-timeout 60s}. The server's log
 * goes to stderr, one line a record, including the one line (at DEBUG) of every refused request and a line per quarter
 * of the demo catalogue when it generates it. Prints
 * {@code skyloom local server listening on <url>} once it serves; stops cleanly on Ctrl-C (SIGINT/SIGTERM).
 */
public final class LocalServerMain {

    /** The JDK's log format property: records on one line each, time first. */
    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";
    /** The server's loggers, held here: the JDK keeps loggers weakly. */
    private static final Logger SERVER_LOG = Logger.getLogger("dev.skyloom.local");

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    private LocalServerMain() {
    }

    /**
     * Parses the flags, starts the server and blocks until the process is asked to stop. Bad flags print a message
     * naming the problem on stderr and exit with status 2.
     *
     * @param args the flags above; defaults as {@link LocalServerConfig#defaults()}
     * @throws InterruptedException if the main thread is interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        showServerLog();
        LocalServerConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalServer server = LocalServer.start(config, DemoProgress.lines(System.err));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("skyloom local server listening on " + server.url());
        System.out.flush();
        stopped.await();
    }

    /**
     * Shows the server's log on stderr, refusals included, each record on one line (time, level, message) unless the
     * JDK's log format is configured already.
     */
    private static void showServerLog() {
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "%1$tF %1$tT.%1$tL %4$s %5$s%6$s%n");
        }
        ConsoleHandler stderr = new ConsoleHandler();
        stderr.setLevel(Level.ALL);
        SERVER_LOG.setLevel(Level.FINE);
        SERVER_LOG.setUseParentHandlers(false);
        SERVER_LOG.addHandler(stderr);
    }

    /**
     * The configuration the flags describe.
     *
     * @throws IllegalArgumentException naming an unknown flag, a missing value or a malformed one
     */
    static LocalServerConfig parse(String[] args) {
        LocalServerConfig config = LocalServerConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--demo" -> config = config.withDemo(true);
                case "--in-memory" -> config = config.withDataDir(null);
                case "--read-only" -> config = config.withReadOnly(true);
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("unknown flag or missing value: " + flag);
                    }
                    String value = args[++i];
                    config = switch (flag) {
                        case "--port" -> config.withPort(number(flag, value));
                        case "--host" -> config.withHost(value);
                        case "--data" -> config.withDataDir(Path.of(value));
                        case "--latency" -> config.withLatency(duration(flag, value));
                        case "--jitter" -> config.withJitter(duration(flag, value));
                        case "--page-size" -> config.withPageSize(number(flag, value));
                        case "--bandwidth" -> config.withBandwidthMbps(decimal(flag, value));
                        case "--fault-rate" -> config.withFaultRate(decimal(flag, value));
                        case "--api-key" -> config.withApiKey(value);
                        case "--seed" -> config.withSeed(longNumber(flag, value));
                        case "--max-request-bytes" -> config.withMaxRequestBytes(longNumber(flag, value));
                        case "--read-timeout" -> config.withReadTimeout(duration(flag, value));
                        case "--idle-timeout" -> config.withIdleTimeout(duration(flag, value));
                        case "--demo-cache" -> config.withDemoCache(Path.of(value));
                        case "--synthetic" -> config.withSynthetic(SyntheticCollection.parseAll(value));
                        default -> throw new IllegalArgumentException("unknown flag: " + flag);
                    };
                }
            }
        }
        return config;
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects a whole number, got '" + value + "'");
        }
    }

    private static long longNumber(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects a whole number, got '" + value + "'");
        }
    }

    private static double decimal(String flag, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects a number, got '" + value + "'");
        }
    }

    private static Duration duration(String flag, String value) {
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(flag + " expects a duration such as 50ms, 2s or 1m, got '" + value
                    + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2) == null ? "ms" : matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofMillis(amount);
        };
    }
}
