package dev.skyloom.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code skyloom gen-manpage --outdir DIR}: writes a man page for skyloom and for each of its commands, generated
 * from the commands themselves by picocli-codegen's {@link ManPageGenerator}, as AsciiDoc files that
 * {@code asciidoctor -b manpage} turns into troff.
 */
@Command(name = "gen-manpage", hidden = true,
        description = "Write AsciiDoc man pages for skyloom and each of its commands into a directory.",
        footer = {"  skyloom gen-manpage --outdir man",
                "  asciidoctor -b manpage -D man man/*.adoc && man ./man/skyloom.1"})
final class ManPageCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--outdir", paramLabel = "DIR", required = true,
            description = "Where to write skyloom.adoc and skyloom-<command>.adoc (created if missing).")
    private Path outdir;

    @Override
    public Integer call() throws IOException {
        OutputTarget.directory(outdir, "--outdir", spec.commandLine());
        return ManPageGenerator.generateManPage(outdir.toFile(), null, new boolean[0], true, spec.root());
    }
}
