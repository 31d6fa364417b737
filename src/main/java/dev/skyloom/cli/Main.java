package dev.skyloom.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point of the {@code skyloom} command-line tool.
 *
 * <p>Exit codes: 0 on success, 1 when the work failed (server, network or output errors), 2 for usage errors (bad
 * options or arguments). Every error is one line on stderr; {@code --verbose} adds the stack trace.
 */
public final class Main {

    private static final Map<String, String> EXIT_CODES = exitCodes();

    private Main() {
    }

    /**
     * Runs the tool and exits the JVM with its exit code.
     *
     * @param args the command line, e.g. {@code load open_data.copernicus.landsat8_oli_tirs L1GT --from 2020-01-01
     *             --to 2021-01-01}
     */
    public static void main(String[] args) {
        silenceLibraryLogging();
        System.exit(commandLine(Environment.system()).execute(args));
    }

    /**
     * The Parquet library logs through SLF4J, which the tool ships without a backend: naming SLF4J's no-op provider
     * keeps it from printing a "no providers" notice on every run. A provider named with -Dslf4j.provider wins.
     */
    static void silenceLibraryLogging() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN");
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        }
    }

    /** Builds the command line of the tool over {@code environment}, with its error handling and output streams. */
    static CommandLine commandLine(Environment environment) {
        SkyloomCommand root = new SkyloomCommand(environment);
        CommandLine commandLine = new CommandLine(root);
        commandLine.addSubcommand("generate-completion", new CompletionScriptCommand());
        commandLine.addSubcommand(CompleteCommand.NAME, new CompleteCommand(root));
        commandLine.addSubcommand("gen-manpage", new ManPageCommand());
        commandLine.addSubcommand("help", new CommandLine.HelpCommand());
        conventions(commandLine);
        // The width is asked for only when help is printed: probing a terminal costs a process.
        commandLine.setHelpFactory((spec, colours) -> {
            int columns = environment.columns();
            spec.usageMessage().width(Math.max(55, columns));
            spec.usageMessage().longOptionsMaxWidth(Math.max(20, Math.min(40, columns / 3)));
            return new CommandLine.Help(spec, colours);
        });
        commandLine.setOut(new PrintWriter(environment.out(), true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(environment.err(), true, StandardCharsets.UTF_8));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ParameterException usage) {
                return usageError(usage, new String[0]);
            }
            cmd.getErr().println("skyloom: " + Failures.describe(e, root.connectedUrl(), root.verbose()));
            if (root.verbose()) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine;
    }

    /**
     * What every command's help has: --help, the width of the terminal, an Examples section (the command's footer)
     * and the exit codes after it.
     */
    private static void conventions(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.optionsMap().get("--help") == null) {
            spec.mixinStandardHelpOptions(true);
        }
        UsageMessageSpec usage = spec.usageMessage();
        if (usage.footer().length > 0 && usage.footerHeading().isEmpty()) {
            usage.footerHeading("%nExamples:%n");
        }
        usage.exitCodeListHeading("%nExit codes:%n");
        usage.exitCodeList(EXIT_CODES);
        List<String> sections = new ArrayList<>(usage.sectionKeys());
        sections.remove(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING);
        sections.remove(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST);
        sections.add(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING);
        sections.add(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST);
        usage.sectionKeys(sections);
        command.getSubcommands().values().forEach(Main::conventions);
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "success");
        codes.put("1", "runtime or server error");
        codes.put("2", "usage error");
        return codes;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        StringBuilder line = new StringBuilder("skyloom: ")
                .append(TerminalText.safe(e.getMessage().strip().replace('\n', ' ')));
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append("?)");
        }
        line.append("; see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help'");
        cmd.getErr().println(line);
        cmd.getErr().flush();
        return CommandLine.ExitCode.USAGE;
    }
}
