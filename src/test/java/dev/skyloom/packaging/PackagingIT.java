package dev.skyloom.packaging;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the jars {@code package} built (run by failsafe after it): what a library user downloads, what the CLI jar
 * bundles and says about licences, and that the published javadoc covers the exported packages.
 */
class PackagingIT {

    private static final Path BUILD = Path.of(System.getProperty("skyloom.build", "target"));
    private static final String NAME = System.getProperty("skyloom.finalName", "skyloom-0.1.0-SNAPSHOT");
    private static final Path ROOT = BUILD.toAbsolutePath().getParent();

    private static Path jar(String classifier) {
        return BUILD.resolve(NAME + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar");
    }

    private static String text(JarFile jar, String entry) throws IOException {
        JarEntry found = jar.getJarEntry(entry);
        assertThat(found).as(entry + " in " + jar.getName()).isNotNull();
        try (InputStream in = jar.getInputStream(found)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void onlyScopesIsCompiledAsDependingOnPreviewFeatures() throws IOException {
        List<String> preview = new ArrayList<>();
        try (JarFile main = new JarFile(jar("").toFile())) {
            for (JarEntry entry : main.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                try (DataInputStream in = new DataInputStream(main.getInputStream(entry))) {
                    in.skipNBytes(4);
                    if (in.readUnsignedShort() == 0xFFFF) {
                        preview.add(entry.getName());
                    }
                }
            }
            assertThat(main.getJarEntry("module-info.class")).isNotNull();
        }
        assertThat(preview).isNotEmpty()
                .allSatisfy(name -> assertThat(name).matches("dev/skyloom/concurrent/Scopes(\\$.*)?\\.class"));
    }

    @Test
    void theMainAndSourcesJarsCarryTheLicenceAndNotice() throws IOException {
        String licence = Files.readString(ROOT.resolve("LICENSE"));
        String notice = Files.readString(ROOT.resolve("NOTICE"));
        for (String classifier : List.of("", "sources")) {
            try (JarFile jar = new JarFile(jar(classifier).toFile())) {
                assertThat(text(jar, "META-INF/LICENSE")).isEqualTo(licence);
                assertThat(text(jar, "META-INF/NOTICE")).isEqualTo(notice);
            }
        }
        assertThat(licence).contains("Apache License", "Version 2.0, January 2004");
    }

    @Test
    void theCliJarListsTheLicenceOfEveryLibraryItBundlesAndMergesTheirNotices() throws IOException {
        List<String> bundled = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^\\s+([\\w.-]+):([\\w.-]+):jar:").matcher(
                Files.readString(BUILD.resolve("cli-bundled.txt")));
        while (line.find()) {
            bundled.add(line.group(1) + ":" + line.group(2));
        }
        assertThat(bundled).contains("org.xerial:sqlite-jdbc", "info.picocli:picocli", "com.google.protobuf:protobuf-java");

        try (JarFile cli = new JarFile(jar("cli").toFile())) {
            String thirdParty = text(cli, "META-INF/THIRD-PARTY.txt");
            assertThat(bundled).allSatisfy(library -> assertThat(thirdParty).contains(library));
            assertThat(text(cli, "META-INF/LICENSE")).isEqualTo(Files.readString(ROOT.resolve("LICENSE")));
            assertThat(text(cli, "META-INF/NOTICE")).contains("Skyloom", "Jackson", "Apache Parquet");
            assertThat(cli.getJarEntry("META-INF/FastDoubleParser-LICENSE")).isNotNull();
            assertThat(cli.getJarEntry("META-INF/maven/org.xerial/sqlite-jdbc/LICENSE")).isNotNull();
            assertThat(cli.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.skyloom.cli.Main");
        }
    }

    @Test
    void theJavadocJarDocumentsExactlyTheExportedPackages() throws IOException {
        List<String> exported = Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;")
                .matcher(Files.readString(ROOT.resolve("src/main/java/module-info.java")))
                .results().map(m -> m.group(1)).sorted().toList();
        try (JarFile javadoc = new JarFile(jar("javadoc").toFile())) {
            List<String> documented = text(javadoc, "element-list").lines().sorted().toList();
            assertThat(documented).isEqualTo(exported).contains("dev.skyloom.local");
            assertThat(javadoc.getJarEntry("dev/skyloom/local/LocalServer.html")).isNotNull();
        }
    }
}
