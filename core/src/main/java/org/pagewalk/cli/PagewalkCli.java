package org.pagewalk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.pagewalk.explain.Narrator;
import org.pagewalk.guest.GuestFunction;
import org.pagewalk.scenario.ExerciseGenerator;
import org.pagewalk.scenario.Interpreter;
import org.pagewalk.scenario.Scenario;
import org.pagewalk.scenario.ScenarioError;
import org.pagewalk.scenario.Session;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.trace.TraceEvent;
import org.pagewalk.trace.TraceRecorder;

/**
 * The command-line runner: runs scenario files and prints each step (and the trace), checks
 * their expect lines, and generates exercises. Exit status 0 when every line ran and every
 * expect held, 1 when not, 2 for bad usage or an unreadable file.
 */
public final class PagewalkCli {
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
            "  java -jar pagewalk-core.jar exercise [--seed N] [--pages P] [--questions Q]",
            "      Print a random translation exercise as a scenario whose expect lines are the",
            "      answer key (computed by the emulator). The same seed gives the same exercise.",
            "  java -jar pagewalk-core.jar --help",
            "",
            "Exit status: 0 all lines ran and all expects held; 1 something failed; 2 bad usage.",
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

    PagewalkCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new PagewalkCli(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(HELP);
            return args.length == 0 ? 2 : 0;
        }
        switch (args[0]) {
            case "run":
                return runCommand(args);
            case "check":
                return check(args);
            case "exercise":
                return exercise(args);
            default:
                err.println("pagewalk: unknown command '" + args[0] + "': use run, check, exercise or --help");
                return 2;
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
                err.println("pagewalk run: unknown option '" + args[i] + "': use --trace or --json");
                return 2;
            } else if (file == null) {
                file = args[i];
            } else {
                err.println("pagewalk run: one file at a time (use check for several)");
                return 2;
            }
        }
        if (file == null) {
            err.println("pagewalk run: which scenario file? usage: run FILE [--trace] [--json]");
            return 2;
        }
        String text = read(file);
        if (text == null) {
            return 2;
        }
        Scenario scenario;
        try {
            scenario = Scenario.parse(text);
        } catch (ScenarioError e) {
            if (json) {
                out.println("{\"file\":" + org.pagewalk.text.JsonText.quote(file) + ",\"error\":" + org.pagewalk.text.JsonText.quote(e.getMessage())
                        + ",\"line\":" + e.line() + ",\"column\":" + e.column() + ",\"passed\":false}");
            } else {
                err.println(file + ": " + e.getMessage());
            }
            return 1;
        }
        TraceRecorder recorder = new TraceRecorder();
        Session session = new Session(trace ? recorder : null);
        Interpreter interpreter = new Interpreter(scenario, session);
        StringBuilder js = new StringBuilder();
        if (json) {
            js.append("{\"file\":").append(org.pagewalk.text.JsonText.quote(file)).append(",\"title\":").append(org.pagewalk.text.JsonText.quote(scenario.title()))
                    .append(",\"steps\":[");
        } else if (!scenario.title().isEmpty()) {
            out.println("== " + scenario.title());
        }
        boolean first = true;
        while (interpreter.hasNext()) {
            int mark = recorder.size();
            StepResult r = interpreter.step();
            List<TraceEvent> events = trace ? recorder.since(mark) : new ArrayList<>();
            if (json) {
                js.append(first ? "" : ",").append("{\"line\":").append(r.line()).append(",\"source\":")
                        .append(org.pagewalk.text.JsonText.quote(r.source().trim())).append(",\"status\":")
                        .append(org.pagewalk.text.JsonText.quote(r.status().name().toLowerCase())).append(",\"message\":")
                        .append(org.pagewalk.text.JsonText.quote(r.message()));
                if (trace) {
                    js.append(",\"trace\":[");
                    for (int i = 0; i < events.size(); i++) {
                        TraceEvent e = events.get(i);
                        js.append(i == 0 ? "" : ",").append("{\"kind\":").append(org.pagewalk.text.JsonText.quote(e.kind().name()))
                                .append(",\"text\":").append(org.pagewalk.text.JsonText.quote(Narrator.line(e))).append('}');
                    }
                    js.append(']');
                }
                js.append('}');
                first = false;
            } else {
                out.println(String.format("%4d %-6s %s", r.line(), tag(r.status()), r.source().trim()));
                if (!r.message().isEmpty() && !r.message().equals("ok")) {
                    for (String l : r.message().split("\n")) {
                        out.println("            " + l);
                    }
                }
                for (TraceEvent e : events) {
                    out.println("              . " + Narrator.line(e));
                }
            }
        }
        boolean passed = Interpreter.allPassed(interpreter.results());
        if (json) {
            js.append("],\"passed\":").append(passed).append('}');
            out.println(js);
        } else {
            out.println(verdict(interpreter.results()));
        }
        return passed ? 0 : 1;
    }

    private int check(String[] args) {
        if (args.length < 2) {
            err.println("pagewalk check: which scenario files? usage: check FILE [FILE...]");
            return 2;
        }
        int status = 0;
        for (int i = 1; i < args.length; i++) {
            String text = read(args[i]);
            if (text == null) {
                return 2;
            }
            try {
                Interpreter interpreter = new Interpreter(Scenario.parse(text), new Session());
                List<StepResult> results = interpreter.runAll();
                for (StepResult r : results) {
                    if (r.status() == StepResult.Status.FAILED || r.status() == StepResult.Status.ERROR) {
                        out.println(args[i] + ":" + r.line() + ": " + r.status().name().toLowerCase() + ": " + r.message());
                    }
                }
                out.println(args[i] + ": " + verdict(results));
                if (!Interpreter.allPassed(results)) {
                    status = 1;
                }
            } catch (ScenarioError e) {
                out.println(args[i] + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    private int exercise(String[] args) {
        int seed = (int) (System.nanoTime() & 0x7FFFFFFF);
        int pages = 12;
        int questions = 10;
        for (int i = 1; i < args.length; i++) {
            if (i + 1 >= args.length) {
                err.println("pagewalk exercise: " + args[i] + " needs a number");
                return 2;
            }
            int value;
            try {
                value = Integer.parseInt(args[i + 1]);
            } catch (NumberFormatException e) {
                err.println("pagewalk exercise: " + args[i] + " needs a decimal number, not '" + args[i + 1] + "'");
                return 2;
            }
            switch (args[i]) {
                case "--seed":
                    seed = value;
                    break;
                case "--pages":
                    pages = value;
                    break;
                case "--questions":
                    questions = value;
                    break;
                default:
                    err.println("pagewalk exercise: unknown option '" + args[i] + "': use --seed, --pages or --questions");
                    return 2;
            }
            i++;
        }
        try {
            out.print(new ExerciseGenerator(seed).generate(seed, pages, questions));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("pagewalk exercise: " + e.getMessage());
            return 2;
        }
    }

    private String read(String file) {
        try {
            return new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("pagewalk: no such file: " + file);
        } catch (IOException e) {
            err.println("pagewalk: cannot read " + file + ": " + e.getMessage());
        }
        return null;
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

    private static String verdict(List<StepResult> results) {
        int passed = 0;
        int failed = 0;
        int errors = 0;
        for (StepResult r : results) {
            if (r.status() == StepResult.Status.PASSED) {
                passed++;
            } else if (r.status() == StepResult.Status.FAILED) {
                failed++;
            } else if (r.status() == StepResult.Status.ERROR) {
                errors++;
            }
        }
        return (failed == 0 && errors == 0 ? "PASSED" : "FAILED") + ": " + passed + " expects held, " + failed
                + " failed, " + errors + " errors";
    }
}
