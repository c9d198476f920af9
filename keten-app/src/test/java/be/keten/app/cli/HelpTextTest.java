package be.keten.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every help text formats: picocli runs descriptions through {@code String.format}, and a bare
 * {@code %} (as in "5-95% band") makes it print a warning and the raw text under every
 * {@code keten --help}.
 */
class HelpTextTest {
    @Test
    void everyCommandsDescriptionFormats() {
        List<String> broken = new ArrayList<>();
        List<CommandLine> todo = new ArrayList<>(List.of(KetenCli.commandLine()));
        int commands = 0;
        while (!todo.isEmpty()) {
            CommandLine cl = todo.remove(todo.size() - 1);
            CommandSpec spec = cl.getCommandSpec();
            commands++;
            // Options' descriptions come back from picocli already formatted; a command's come back as written.
            check(spec.qualifiedName(), spec.usageMessage().description(), broken);
            check(spec.qualifiedName(), spec.usageMessage().header(), broken);
            check(spec.qualifiedName(), spec.usageMessage().footer(), broken);
            todo.addAll(cl.getSubcommands().values());
        }
        assertThat(commands).isGreaterThan(10);
        assertThat(broken).isEmpty();
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
