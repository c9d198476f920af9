package be.keten.app.cli;

import be.keten.core.policy.BelgianPolicies;
import be.keten.core.policy.Policy;
import be.keten.core.policy.PolicyBook;
import be.keten.io.policy.PolicyFile;
import be.keten.io.policy.PolicyFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keten policy}: the dated policies of the chain. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Dated policies of the chain.",
        subcommands = {PolicyCommand.ListPolicies.class})
public final class PolicyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The policies in force on a date (all policies without --date), with their validity and source.")
    static final class ListPolicies implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Show only the policies in force on this date.")
        LocalDate date;

        @Option(names = "--policies", paramLabel = "FILE", description = "A YAML file of additional policies; a policy with a built-in id replaces it.")
        Path file;

        @Override
        public Integer call() {
            PolicyBook book = BelgianPolicies.book();
            if (file != null) {
                try {
                    book = book.with(PolicyFile.read(file));
                } catch (PolicyFileException e) {
                    spec.commandLine().getErr().println("keten: " + e.getMessage());
                    return ExitCode.INVALID_INPUT;
                }
            }
            List<Policy> shown = date == null ? book.all() : book.inForce(date);
            var out = spec.commandLine().getOut();
            out.println(date == null ? shown.size() + " policies" : shown.size() + " policies in force on " + date);
            for (Policy p : shown) {
                out.printf("%-44s %-25s %s%n", p.id(), p.validity(), p.summary());
                out.printf("%-44s %-25s source: %s%n", "", "", p.source());
            }
            return ExitCode.OK;
        }
    }
}
