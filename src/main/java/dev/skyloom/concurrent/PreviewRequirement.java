package dev.skyloom.concurrent;

import dev.skyloom.SkyloomException;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Checks, before a load starts, that {@link Scopes} can be loaded, and otherwise says what to change.
 *
 * <p>{@code Scopes} is the one class compiled against a preview API ({@code StructuredTaskScope}), so its class files
 * carry the preview marker: the JVM loads them only on the Java release that compiled them, started with
 * {@code --enable-preview}. Every other class of Skyloom is plain, which is why blocking calls work without the flag.
 * Without this check the first load would fail deep inside with an {@link UnsupportedClassVersionError}.
 */
final class PreviewRequirement {

    private static final String SCOPES = PreviewRequirement.class.getPackageName() + ".Scopes";

    private PreviewRequirement() {
    }

    /**
     * Loads {@code Scopes} (without initializing it).
     *
     * @throws SkyloomException.InvalidArgument (code {@code failed_precondition}) if the JVM refuses it, with a
     *                                          message that says what to add and where
     */
    static void check() {
        try {
            Class.forName(SCOPES, false, PreviewRequirement.class.getClassLoader());
        } catch (UnsupportedClassVersionError e) {
            throw new SkyloomException.InvalidArgument("failed_precondition",
                    message(compiledFor(), Runtime.version().feature()), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(SCOPES + " is missing from the Skyloom jar", e);
        }
    }

    /**
     * What to do when the JVM refused {@code Scopes}.
     *
     * @param release the Java release Skyloom was compiled for, e.g. 25
     * @param feature the running JVM's feature release, e.g. 25
     * @return the message: the option to add and where, or the Java release to use
     */
    static String message(int release, int feature) {
        if (feature != release) {
            return "ConcurrentLoader runs only on Java " + release + " started with --enable-preview, and this JVM is "
                    + "Java " + feature + ": it uses StructuredTaskScope, a preview API whose class files load only on "
                    + "the Java release that compiled them. Run it on Java " + release
                    + ", or use a Skyloom built for Java " + feature + ".";
        }
        return """
                ConcurrentLoader needs the JVM started with --enable-preview: it runs on StructuredTaskScope, a \
                preview API in Java %d. Plain blocking calls work without it, and compiling your code needs nothing. \
                Add it where your code runs:
                  java      java --enable-preview ...
                  Maven     maven-surefire-plugin or maven-failsafe-plugin: <argLine>--enable-preview</argLine>; \
                exec:exec: <argument>--enable-preview</argument>; exec:java: MAVEN_OPTS=--enable-preview
                  Gradle    tasks.withType<Test> { jvmArgs("--enable-preview") }; \
                application { applicationDefaultJvmArgs = listOf("--enable-preview") }
                  jbang     //PREVIEW in the script
                  jshell    jshell --enable-preview""".formatted(release);
    }

    /** The Java release this class was compiled for, read from its class file (major version 69 is Java 25). */
    static int compiledFor() {
        try (InputStream in = PreviewRequirement.class.getResourceAsStream("PreviewRequirement.class")) {
            if (in == null) {
                throw new IllegalStateException("PreviewRequirement.class is missing from the Skyloom jar");
            }
            DataInputStream data = new DataInputStream(in);
            data.skipNBytes(6); // magic number and minor version
            return data.readUnsignedShort() - 44;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read PreviewRequirement.class", e);
        }
    }
}
