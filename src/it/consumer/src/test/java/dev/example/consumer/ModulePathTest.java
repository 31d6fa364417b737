package dev.example.consumer;

import dev.skyloom.local.LocalServer;
import dev.skyloom.local.LocalServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Launches this project's code the way a user's application runs: on the module path, with what the build resolved.
 * The server the code talks to runs in this JVM, which has the SQLite driver and Jetty; the launched code has only Skyloom and
 * its required dependencies, unless the test adds more.
 */
class ModulePathTest {

    static final String CLASSES = System.getProperty("consumer.classes");
    static final String COMPILE_PATH = System.getProperty("consumer.compilePath");
    static final String SERVER_PATH = System.getProperty("consumer.serverPath");
    static final String LOADED = "loaded: north=250 east=250 south=250 west=250";

    static LocalServer server;

    @BeforeAll
    static void start() {
        server = LocalServer.start(LocalServerConfig.defaults().withPageSize(100));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** What a process printed. */
    record Run(int status, String out, String err) {
    }

    @Test
    void aUsersBuildResolvesOnlyTheClientsDependencies() {
        Set<String> jars = new TreeSet<>();
        long bytes = 0;
        for (String jar : COMPILE_PATH.split(File.pathSeparator)) {
            Path path = Path.of(jar);
            jars.add(path.getFileName().toString().replaceFirst("-\\d.*\\.jar$", ""));
            bytes += path.toFile().length();
        }
        System.out.printf("compile path: %d jars, %.1f MB: %s%n", jars.size(), bytes / 1e6, jars);
        assertEquals(new TreeSet<>(List.of("skyloom", "protobuf-java", "jackson-databind", "jackson-core",
                "jackson-annotations", "jackson-datatype-jsr310", "jts-core")), jars);
    }

    @Test
    void withTheRequiredDependenciesAloneOnTheModulePathPlainCallsAndTheLoaderRun() throws Exception {
        Run run = launch(COMPILE_PATH, List.of("--enable-preview"), "Readings", server.url().toString());

        assertEquals(0, run.status(), run.err());
        assertEquals("plain: 250 datapoints in north\n" + LOADED + "\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void withoutEnablePreviewPlainCallsRunAndTheLoaderSaysWhatToAdd() throws Exception {
        Run run = launch(COMPILE_PATH, List.of(), "Readings", server.url().toString());

        assertEquals(3, run.status(), run.err());
        assertTrue(run.out().startsWith("plain: 250 datapoints in north\nloader: ConcurrentLoader needs the JVM "
                + "started with --enable-preview: it runs on StructuredTaskScope, a preview API in Java 25."), run.out());
        for (String where : List.of("java --enable-preview", "<argLine>--enable-preview</argLine>",
                "jvmArgs(\"--enable-preview\")", "//PREVIEW", "jshell --enable-preview")) {
            assertTrue(run.out().contains(where), where + " in " + run.out());
        }
        assertEquals("", run.err());
    }

    @Test
    void aLocalServerStartsOnTheModulePathWithSqliteAndJettyAddedAndPrintsNothing() throws Exception {
        Run run = launch(SERVER_PATH, List.of("--enable-preview", "--enable-native-access=org.xerial.sqlitejdbc",
                "--add-modules", "org.eclipse.jetty.server,org.eclipse.jetty.http2.server,org.apache.commons.codec"),
                "ServeAndLoad");

        assertEquals(0, run.status(), run.err());
        assertEquals("plain: 250 datapoints in north\n" + LOADED + "\n", run.out());
        assertEquals("", run.err()); // no SLF4J notice, no native-access warning
    }

    /** Runs {@code dev.example.consumer/dev.example.consumer.<main>} with this project's classes and {@code path}. */
    private static Run launch(String path, List<String> options, String main, String... args)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(options);
        command.addAll(List.of("--module-path", CLASSES + File.pathSeparator + path,
                "--module", "dev.example.consumer/dev.example.consumer." + main));
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile("consumer", ".out");
        Path err = Files.createTempFile("consumer", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the consumer did not finish in 60 s");
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
