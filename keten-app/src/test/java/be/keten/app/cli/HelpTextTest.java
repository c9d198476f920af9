package be.keten.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every help text formats: picocli runs descriptions through {@code String.format}, and a bare
 * {@code %} (as in "5-95% band") makes it print a warning and the raw text under every
 * {@code keten --help}. And every option and parameter says what it is for.
 */
class HelpTextTest {
    @Test
    void everyCommandsDescriptionFormats() {
        List<String> broken = new ArrayList<>();
        List<CommandLine> all = commands();
        for (CommandLine cl : all) {
            CommandSpec spec = cl.getCommandSpec();
            // Options' descriptions come back from picocli already formatted; a command's come back as written.
            check(spec.qualifiedName(), spec.usageMessage().description(), broken);
            check(spec.qualifiedName(), spec.usageMessage().header(), broken);
            check(spec.qualifiedName(), spec.usageMessage().footer(), broken);
        }
        assertThat(all.size()).isGreaterThan(10);
        assertThat(broken).isEmpty();
    }

    /** The whole help of every command, options included, renders without picocli's warning about a format it could not apply. */
    @Test
    void everyCommandsHelpRendersWithoutWarnings() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> empty = new ArrayList<>();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (CommandLine cl : commands()) {
                if (cl.getUsageMessage().isBlank()) {
                    empty.add(cl.getCommandSpec().qualifiedName());
                }
            }
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(empty).isEmpty();
    }

    @Test
    void everyOptionAndParameterIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        for (CommandLine cl : commands()) {
            CommandSpec spec = cl.getCommandSpec();
            for (ArgSpec arg : spec.args()) {
                boolean standard = arg.isOption() && spec.mixinStandardHelpOptions()
                        && List.of("--help", "--version").contains(((CommandLine.Model.OptionSpec) arg).longestName());
                if (!arg.hidden() && !standard && String.join("", arg.description()).isBlank()) {
                    undescribed.add(spec.qualifiedName() + " " + (arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel()));
                }
            }
        }
        assertThat(undescribed).isEmpty();
    }

    private static List<CommandLine> commands() {
        List<CommandLine> out = new ArrayList<>();
        List<CommandLine> todo = new ArrayList<>(List.of(KetenCli.commandLine()));
        while (!todo.isEmpty()) {
            CommandLine cl = todo.remove(todo.size() - 1);
            out.add(cl);
            todo.addAll(cl.getSubcommands().values());
        }
        return out;
    }

    private static void check(String where, String[] lines, List<String> broken) {
        for (String line : lines) {
            try {
                String.format(Locale.ROOT, line);
            } catch (java.util.IllegalFormatException e) {
                broken.add(where + ": " + e.getMessage() + " in \"" + line + "\"");
            }
        }
    }
}
