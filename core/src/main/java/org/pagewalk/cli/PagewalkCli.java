package org.pagewalk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.pagewalk.explain.Narrator;
import org.pagewalk.guest.GuestFunction;
import org.pagewalk.exercise.ExerciseGenerator;
import org.pagewalk.exercise.Level;
import org.pagewalk.scenario.ScenarioError;
import org.pagewalk.scenario.ScenarioStream;
import org.pagewalk.scenario.Session;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.text.JsonText;
import org.pagewalk.text.Numbers;
import org.pagewalk.text.Printable;
import org.pagewalk.text.Split;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.trace.TraceRecorder;

/**
 * The command-line runner: runs scenario files and prints each step (and the trace), checks
 * their expect lines, and generates exercises. Files are read and run line by line
 * ({@link ScenarioStream}), so their length is not limited by memory. Everything echoed from the
 * input goes through {@link Printable}: escaped and cut.
 */
public final class PagewalkCli {
    /** Every line ran and every expect held (or: help, an exercise printed). */
    static final int PASSED = 0;
    /** An expect failed, a line was an error, or a file has a bad line (nothing of it ran). */
    static final int FAILED = 1;
    /** Bad usage or option value, or a file that cannot be read. */
    static final int USAGE = 2;
    /** The Java heap ran out while running a line (the message names it). */
    static final int OUT_OF_MEMORY = 3;

    static final String HELP = String.join("\n",
            "Pagewalk: an x86 32-bit paging emulator running CeanOS's memory manager.",
            "",
            "Usage:",
            "  java -jar pagewalk-core.jar run FILE [--trace] [--json]",
            "      Run a scenario and print every line's result. --trace adds every machine event",
            "      (walk steps, TLB hits and fills, A/D updates, faults, writes) under its line.",
            "      --json prints one JSON object instead of text.",
            "  java -jar pagewalk-core.jar check FILE [FILE...]",
            "      Run scenarios and print only failed expects and errors, and one verdict per file.",
            "  java -jar pagewalk-core.jar exercise [--seed N] [--level L]",
            "      Print a set of paging questions as a scenario whose expect lines and notes are the",
            "      answer key (computed by the emulator). The same seed and level give the same set",
            "      as the page's ?exercise=N&level=L. Levels: 1 4 KiB pages, 2 with 4 MiB pages,",
            "      3 rights and CR0.WP, 4 the TLB and INVLPG, 5 two address spaces.",
            "  java -jar pagewalk-core.jar --help",
            "",
            "Options take numbers as scenarios write them (decimal, 0x hexadecimal, _ between digits):",
            "--seed 0 to 4294967295, --level 1 to " + Level.values().length + " (1 if not given).",
            "",
            "Exit status:",
            "  0  every line ran and every expect held",
            "  1  an expect failed, a line was an error, or a file has a bad line (then nothing of it runs)",
            "  2  bad usage, a bad option value, or a file that cannot be read",
            "  3  out of memory while running a line (the message names the file and line)",
            "The scenario language is described in docs/SCENARIOS.md.",
            "",
            "CeanOS functions a scenario calls (a result can be assigned: NAME = FUNCTION ARGS):",
            functions());

    /** One line per {@link GuestFunction}: its arguments, what it returns and where it comes from. */
    static String functions() {
        StringBuilder sb = new StringBuilder();
        for (GuestFunction f : GuestFunction.values()) {
            String call = f.functionName() + (f.signature().isEmpty() ? "" : " " + f.signature());
            sb.append(sb.length() == 0 ? "" : "\n").append("  ").append(call);
            for (int pad = call.length(); pad < 44; pad++) {
                sb.append(' ');
            }
            sb.append(f.returnsValue() ? "returns a value; " : "").append(f.origin().text());
        }
        return sb.toString();
    }

    private final PrintStream out;
    private final PrintStream err;
    /**
     * The run in progress and its file (as shown), for the out-of-memory report: cleared when a
     * run ends normally, never in a {@code finally}, so the report still finds it.
     */
    private ScenarioStream running;
    private String runningFile;
    /** Heap set aside for the out-of-memory report. */
    private byte[] reserve = new byte[1 << 16];

    PagewalkCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new PagewalkCli(System.out, System.err).run(args));
    }

    /**
     * Runs a command line; returns the exit status. Out of memory, the run in progress is
     * dropped (its machine with it) so the report can be printed.
     */
    int run(String[] args) {
        try {
            return dispatch(args);
        } catch (OutOfMemoryError e) {
            // The stack has unwound; dropping the run (its session and machine) and the reserve
            // leaves room to build and print the report.
            reserve = null;
            int line = running == null ? -1 : running.line();
            running = null;
            String where = line < 0 ? "" : " at " + runningFile + " line " + line;
            err.println("pagewalk: out of memory" + where
                    + ": the Java heap is full; give it more (java -Xmx1g ...) or split the scenario");
            return OUT_OF_MEMORY;
        }
    }

    private int dispatch(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(HELP);
            return args.length == 0 ? USAGE : PASSED;
        }
        switch (args[0]) {
            case "run":
                return runCommand(args);
            case "check":
                return check(args);
            case "exercise":
                return exercise(args);
            default:
                err.println("pagewalk: unknown command " + Printable.quote(args[0]) + ": use run, check, exercise or --help");
                return USAGE;
        }
    }

    private int runCommand(String[] args) {
        String file = null;
        boolean trace = false;
        boolean json = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--trace")) {
                trace = true;
            } else if (args[i].equals("--json")) {
                json = true;
            } else if (args[i].startsWith("--")) {
                err.println("pagewalk run: unknown option " + Printable.quote(args[i]) + ": use --trace or --json");
                return USAGE;
            } else if (file == null) {
                file = args[i];
            } else {
                err.println("pagewalk run: one file at a time (use check for several)");
                return USAGE;
            }
        }
        if (file == null) {
            err.println("pagewalk run: which scenario file? usage: run FILE [--trace] [--json]");
            return USAGE;
        }
        String shownFile = Printable.shown(file, Printable.LINE);
        String title;
        try {
            title = checkFile(file);
        } catch (ScenarioError e) {
            if (json) {
                out.println("{\"file\":" + JsonText.quote(file) + ",\"error\":" + JsonText.quote(e.getMessage())
                        + ",\"line\":" + e.line() + ",\"column\":" + e.column() + ",\"passed\":false}");
            } else {
                err.println(shownFile + ": " + e.getMessage());
            }
            return FAILED;
        } catch (IOException | UncheckedIOException e) {
            return unreadable(file, e);
        }
        TraceRecorder recorder = new TraceRecorder();
        Session session = new Session(trace ? recorder : null);
        try (FileLines lines = new FileLines(file)) {
            ScenarioStream stream = new ScenarioStream(lines, session);
            running = stream;
            runningFile = shownFile;
            if (json) {
                out.print("{\"file\":" + JsonText.quote(file) + ",\"title\":" + JsonText.quote(title) + ",\"steps\":[");
            } else if (!title.isEmpty()) {
                out.println("== " + Printable.shown(title, Printable.LINE));
            }
            boolean first = true;
            while (stream.hasNext()) {
                int mark = recorder.size();
                StepResult r = stream.step();
                List<TraceEvent> events = trace ? recorder.since(mark) : new ArrayList<>();
                if (json) {
                    out.print((first ? "" : ",") + stepJson(r, trace, events));
                    first = false;
                } else {
                    printStep(r, events);
                }
            }
            if (json) {
                out.println("],\"passed\":" + stream.allPassed() + "}");
            } else {
                out.println(verdict(stream));
            }
            running = null;
            return stream.allPassed() ? PASSED : FAILED;
        } catch (ScenarioError e) {
            // Only if the file changed between the two passes: the first found no bad line.
            running = null;
            err.println(shownFile + ": " + e.getMessage() + " (the file changed while it ran)");
            return FAILED;
        } catch (IOException | UncheckedIOException e) {
            running = null;
            return unreadable(file, e);
        }
    }

    /** One step as a JSON object: the echoed line and message cut and escaped as in the text output. */
    private static String stepJson(StepResult r, boolean trace, List<TraceEvent> events) {
        StringBuilder js = new StringBuilder();
        js.append("{\"line\":").append(r.line()).append(",\"source\":")
                .append(JsonText.quote(Printable.shown(r.source().trim(), Printable.LINE)))
                .append(",\"status\":").append(JsonText.quote(r.status().name().toLowerCase()))
                .append(",\"message\":").append(JsonText.quote(Printable.lines(r.message(), Printable.MESSAGE)));
        if (trace) {
            js.append(",\"trace\":[");
            for (int i = 0; i < events.size(); i++) {
                TraceEvent e = events.get(i);
                js.append(i == 0 ? "" : ",").append("{\"kind\":").append(JsonText.quote(e.kind().name()))
                        .append(",\"text\":").append(JsonText.quote(Narrator.line(e))).append('}');
            }
            js.append(']');
        }
        return js.append('}').toString();
    }

    /** A step as text: its line (escaped, cut), its message's lines, its events. */
    private void printStep(StepResult r, List<TraceEvent> events) {
        StringBuilder sb = new StringBuilder();
        String number = Integer.toString(r.line());
        for (int pad = number.length(); pad < 4; pad++) {
            sb.append(' ');
        }
        String tag = tag(r.status());
        sb.append(number).append(' ').append(tag);
        for (int pad = tag.length(); pad < 6; pad++) {
            sb.append(' ');
        }
        out.println(sb.append(' ').append(Printable.shown(r.source().trim(), Printable.LINE)));
        if (!r.message().isEmpty() && !r.message().equals("ok")) {
            for (String l : Split.on(r.message(), '\n')) {
                out.println("            " + Printable.shown(l, Printable.MESSAGE));
            }
        }
        for (TraceEvent e : events) {
            out.println("              . " + Narrator.line(e));
        }
    }

    private int check(String[] args) {
        if (args.length < 2) {
            err.println("pagewalk check: which scenario files? usage: check FILE [FILE...]");
            return USAGE;
        }
        int status = PASSED;
        for (int i = 1; i < args.length; i++) {
            String file = args[i];
            String shownFile = Printable.shown(file, Printable.LINE);
            try {
                checkFile(file);
            } catch (ScenarioError e) {
                out.println(shownFile + ": " + e.getMessage());
                status = FAILED;
                continue;
            } catch (IOException | UncheckedIOException e) {
                return unreadable(file, e);
            }
            try (FileLines lines = new FileLines(file)) {
                ScenarioStream stream = new ScenarioStream(lines, new Session());
                running = stream;
                runningFile = shownFile;
                while (stream.hasNext()) {
                    StepResult r = stream.step();
                    if (r.status() == StepResult.Status.FAILED || r.status() == StepResult.Status.ERROR) {
                        out.println(shownFile + ":" + r.line() + ": " + r.status().name().toLowerCase() + ": "
                                + Printable.lines(r.message(), Printable.MESSAGE));
                    }
                }
                out.println(shownFile + ": " + verdict(stream));
                if (!stream.allPassed()) {
                    status = FAILED;
                }
                running = null;
            } catch (ScenarioError e) {
                running = null;
                out.println(shownFile + ": " + e.getMessage() + " (the file changed while it ran)");
                status = FAILED;
            } catch (IOException | UncheckedIOException e) {
                running = null;
                return unreadable(file, e);
            }
        }
        return status;
    }

    /** The first pass over a file: every line parsed, nothing run; returns the title. */
    private static String checkFile(String file) throws IOException {
        try (FileLines lines = new FileLines(file)) {
            return ScenarioStream.check(lines);
        }
    }

    private int exercise(String[] args) {
        int seed = (int) (System.nanoTime() & 0x7FFFFFFF);
        int level = 1;
        int[] value = new int[1];
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            int min;
            int max;
            switch (option) {
                case "--seed":
                    min = 0;
                    max = 0xFFFFFFFF;
                    break;
                case "--level":
                    min = 1;
                    max = Level.values().length;
                    break;
                default:
                    err.println("pagewalk exercise: unknown option " + Printable.quote(option) + ": use --seed or --level");
                    return USAGE;
            }
            if (i + 1 >= args.length) {
                err.println("pagewalk exercise: " + option + " needs a number from " + Integer.toUnsignedString(min) + " to "
                        + Integer.toUnsignedString(max));
                return USAGE;
            }
            String error = Numbers.inRange(args[++i], min, max, option, value);
            if (error != null) {
                err.println("pagewalk exercise: " + error);
                return USAGE;
            }
            if (option.equals("--seed")) {
                seed = value[0];
            } else {
                level = value[0];
            }
        }
        out.print(ExerciseGenerator.generate(seed, Level.byNumber(level)).toScenario());
        return PASSED;
    }

    private int unreadable(String file, Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof NoSuchFileException) {
            err.println("pagewalk: no such file: " + Printable.shown(file, Printable.LINE));
        } else {
            err.println("pagewalk: cannot read " + Printable.shown(file, Printable.LINE) + ": "
                    + Printable.shown(String.valueOf(cause.getMessage()), Printable.LINE));
        }
        return USAGE;
    }

    private static String tag(StepResult.Status s) {
        switch (s) {
            case PASSED:
                return "pass";
            case FAILED:
                return "FAIL";
            case ERROR:
                return "ERROR";
            default:
                return "ok";
        }
    }

    private static String verdict(ScenarioStream s) {
        return (s.allPassed() ? "PASSED" : "FAILED") + ": " + s.passed() + " expects held, " + s.failed()
                + " failed, " + s.errors() + " errors";
    }
}
