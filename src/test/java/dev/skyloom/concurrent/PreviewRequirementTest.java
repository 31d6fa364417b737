package dev.skyloom.concurrent;

import dev.skyloom.Query;
import dev.skyloom.SkyloomException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewRequirementTest {

    @Test
    void theCompiledForReleaseIsTheOneRunningTheTests() {
        assertThat(PreviewRequirement.compiledFor()).isEqualTo(Runtime.version().feature()).isEqualTo(25);
    }

    @Test
    void onTheRightReleaseTheMessageSaysWhereToAddTheFlagForEveryTool() {
        String message = PreviewRequirement.message(25, 25);

        assertThat(message)
                .startsWith("ConcurrentLoader needs the JVM started with --enable-preview: it runs on "
                        + "StructuredTaskScope, a preview API in Java 25. Plain blocking calls work without it")
                .contains("java --enable-preview ...")
                .contains("<argLine>--enable-preview</argLine>")
                .contains("exec:exec: <argument>--enable-preview</argument>")
                .contains("MAVEN_OPTS=--enable-preview")
                .contains("tasks.withType<Test> { jvmArgs(\"--enable-preview\") }")
                .contains("applicationDefaultJvmArgs = listOf(\"--enable-preview\")")
                .contains("//PREVIEW")
                .contains("jshell --enable-preview");
    }

    @Test
    void onAnotherReleaseTheMessageNamesTheReleaseToUse() {
        assertThat(PreviewRequirement.message(25, 26)).isEqualTo("ConcurrentLoader runs only on Java 25 started "
                + "with --enable-preview, and this JVM is Java 26: it uses StructuredTaskScope, a preview API whose "
                + "class files load only on the Java release that compiled them. Run it on Java 25, or use a Skyloom "
                + "built for Java 26.");
    }

    @Test
    void withTheFlagCreatePasses() {
        assertThat(ConcurrentLoader.create()).isNotNull();
    }

    @Test
    void withoutTheFlagPlainClassesWorkAndCreateFailsAtOnceWithTheMessage() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Probe.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(output).startsWith("query: Query[").contains("\ncreate: failed_precondition "
                + PreviewRequirement.message(25, 25) + "\ncause: java.lang.UnsupportedClassVersionError");
        assertThat(process.exitValue()).isZero();
    }

    /** Run in a JVM without {@code --enable-preview}: a plain API call, then {@code ConcurrentLoader.create()}. */
    static final class Probe {
        public static void main(String[] args) throws IOException {
            System.out.println("query: " + Query.between("2025-01-01", "2025-01-02"));
            try {
                ConcurrentLoader.create();
                System.out.println("create: passed");
            } catch (SkyloomException.InvalidArgument e) {
                System.out.println("create: " + e.code() + " " + e.getMessage());
                System.out.println("cause: " + e.getCause().getClass().getName());
            }
        }
    }
}
