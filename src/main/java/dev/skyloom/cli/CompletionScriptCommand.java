package dev.skyloom.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/**
 * {@code skyloom generate-completion [bash|zsh]}: prints a completion script that asks {@code skyloom __complete}
 * for candidates on every Tab, as gh and kubectl do, so names come from the server (see {@link CompleteCommand}).
 */
@Command(name = "generate-completion",
        description = "Print a bash or zsh completion script. Commands, options, formats, dataset slugs,"
                + " collection and field names complete; names come from the server and are kept for two minutes.",
        footer = {"  source <(skyloom generate-completion)            # bash, this shell",
                "  skyloom generate-completion > ~/.local/share/bash-completion/completions/skyloom",
                "  source <(skyloom generate-completion zsh)        # zsh"})
final class CompletionScriptCommand implements Callable<Integer> {

    /** The shells a script is written for. */
    enum Shell { BASH, ZSH }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "bash|zsh", defaultValue = "bash",
            description = "The shell (default: ${DEFAULT-VALUE}).")
    private Shell shell;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(script(shell));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** {@return the completion script for {@code shell}} */
    static String script(Shell shell) {
        String function = """
                # skyloom completion: every Tab asks 'skyloom __complete' for candidates; it prints none where a
                # file name fits, and then the shell completes files.
                _skyloom_complete() {
                    local IFS=$'\\n'
                    COMPREPLY=( $("${COMP_WORDS[0]}" %s -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) )
                }
                complete -o default -F _skyloom_complete skyloom ./skyloom
                """.formatted(CompleteCommand.NAME);
        return shell == Shell.ZSH ? "autoload -U +X bashcompinit && bashcompinit\n" + function : function;
    }
}
