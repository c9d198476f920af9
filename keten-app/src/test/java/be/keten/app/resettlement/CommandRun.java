package be.keten.app.resettlement;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command as the CLI would, capturing stdout and stderr. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** The output line that starts (after the step column) with the given figure name. */
    String line(String figure) {
        return out.lines().filter(l -> l.matches("^\\S*\\s+" + java.util.regex.Pattern.quote(figure) + "\\s.*"))
                .findFirst().orElseThrow(() -> new AssertionError("no line '" + figure + "' in:\n" + out));
    }
}
