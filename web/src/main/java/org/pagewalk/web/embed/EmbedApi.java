package org.pagewalk.web.embed;

import java.util.ArrayList;
import java.util.List;
import org.pagewalk.scenario.ScenarioError;
import org.pagewalk.scenario.StepResult;
import org.pagewalk.text.Printable;
import org.pagewalk.text.Split;
import org.pagewalk.web.App;
import org.pagewalk.web.Guard;
import org.pagewalk.web.StateJson;
import org.pagewalk.web.dom.Dom;
import org.pagewalk.web.dom.Js;
import org.teavm.jso.JSObject;

/**
 * The postMessage API, version 2 (docs/EMBEDDING.md). Every message from an allowed window gets
 * exactly one {@code pagewalk:result} at the sender's origin, with the {@code id} it sent (any
 * JSON type) and a {@code status}; messages sent before the page was ready wait in boot.js's
 * inbox. Lines run as the student's own actions would (undo, the views, the session log), long
 * scenarios in slices. Windows that talked to the frame also hear what the student does
 * ({@code pagewalk:action}, {@code pagewalk:expect}) and the content's height
 * ({@code pagewalk:resize}).
 */
public final class EmbedApi {
    public static final int VERSION = 2;
    static final String[] CAPABILITIES = {"hello", "ping", "state", "run", "load", "step", "reset", "setView", "cancel",
        "event:action", "event:expect", "event:resize", "event:progress"};
    /** The types this page sends: a window echoing them back is not talking to it. */
    private static final String[] OUTGOING = {"pagewalk:result", "pagewalk:ready", "pagewalk:action", "pagewalk:expect",
        "pagewalk:resize", "pagewalk:progress"};
    private static final int MAX_SUBSCRIBERS = 8;
    /** Events for one redraw at most: a restored session is hundreds of actions at once. */
    private static final int MAX_EVENTS = 50;

    /** Switches the frame's views (setView); web.lessons.Embed implements it. */
    public interface Views {
        /** Null when shown, else why not (an unknown name); nothing changes then. */
        String choose(String names);
    }

    private static final class Subscriber {
        final JSObject window;
        final String origin;

        Subscriber(JSObject window, String origin) {
            this.window = window;
            this.origin = origin;
        }
    }

    private final App app;
    private final Dom dom;
    private final LessonControl lessons;
    private final Views views;
    private final boolean embedded;
    private final Progress progress;
    private final FrameNotice notice;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private OriginPolicy policy;
    private SlicedRun running;
    private int seenAction;
    private int height = -1;

    private EmbedApi(App app, Dom dom, LessonControl lessons, Views views, boolean embedded) {
        this.app = app;
        this.dom = dom;
        this.lessons = lessons;
        this.views = views;
        this.embedded = embedded;
        this.progress = new Progress(dom, this::cancelRun);
        this.notice = new FrameNotice(dom);
    }

    /**
     * Starts the API once the page is ready: reads pagewalk-config.json when the site is served
     * (from file:// there is none to read, so only ?parent= counts), then takes the waiting messages.
     */
    public static void install(App app, Dom dom, LessonControl lessons, Views views, boolean embedded) {
        EmbedApi api = new EmbedApi(app, dom, lessons, views, embedded);
        if (embedded) {
            for (String s : UrlCheck.unknown(Js.queryNames())) {
                api.notice.add(s);
            }
            String view = Js.queryParameter("view");
            String badView = view == null || view.trim().isEmpty() ? null : views.choose(view);
            if (badView != null) {
                api.notice.add("The frame's view= is wrong: " + badView + ". It shows the default views instead.");
            }
            String scenario = Js.queryParameter("scenario");
            if (scenario != null && !scenario.isEmpty() && lessons.library(scenario) == null) {
                api.notice.add("No built-in scenario is called " + Printable.quote(scenario) + "; the built-in ones are "
                        + lessons.libraryNames() + ".");
            }
        }
        String protocol = Js.protocol();
        if (protocol.equals("http:") || protocol.equals("https:")) {
            Js.fetchText("pagewalk-config.json", text -> Guard.run(() -> api.start(text)));
        } else {
            api.start(null);
        }
    }

    private void start(String config) {
        List<String> fromConfig = new ArrayList<>();
        boolean fullPage = false;
        if (config != null) {
            String parents = Js.jsonStrings(config, "parents");
            if (parents == null) {
                notice.add("pagewalk-config.json is not a JSON object with \"parents\": [\"https://…\"]; it was ignored.");
            } else {
                fromConfig = lines(parents);
                fullPage = Js.jsonFlag(config, "fullPage");
            }
        }
        policy = OriginPolicy.of(Js.pageOrigin(), embedded, lines(Js.queryParameters("parent")), fromConfig, fullPage);
        for (String p : policy.problems()) {
            notice.add(p);
        }
        seenAction = latestAction();
        app.addListener((a, what) -> {
            if ((what & App.MACHINE) != 0) {
                reportActions();
            }
        });
        Js.onResize(dom.document().getBody(), () -> Guard.run(this::reportHeight));
        Js.takeMessages((data, source, origin) -> Guard.run(() -> receive(data, source, origin)));
        announceReady();
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String s : Split.on(text, '\n')) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** pagewalk:ready to the embedding window: version and capabilities only, no state, so it may go to any origin. */
    private void announceReady() {
        JSObject parent = Js.parentWindow();
        if (parent != null) {
            Js.post(parent, hello("pagewalk:ready").toString(), "*");
        }
    }

    private Json hello(String type) {
        return Json.object().text("type", type).number("version", VERSION).raw("capabilities", Json.strings(CAPABILITIES))
                .flag("ready", true).flag("embedded", embedded).number("height", Js.contentHeight());
    }

    // ---- messages in ----------------------------------------------------------------------

    private void receive(JSObject data, JSObject source, String origin) {
        if (source == null) {
            return;
        }
        String type = Js.messageType(data);
        for (String own : OUTGOING) {
            if (own.equals(type)) {
                return;
            }
        }
        boolean addressed = type.startsWith("pagewalk:");
        if (!policy.allows(origin)) {
            if (addressed) {
                // Says only that it was refused: no state, nothing run.
                reply(source, origin, data, Json.object().text("type", "pagewalk:result").number("version", VERSION)
                        .text("request", Printable.shown(type, Limits.ECHO)).text("status", "error").text("code", "origin-not-allowed")
                        .text("message", "this Pagewalk " + (embedded ? "frame" : "page") + " takes no commands from "
                                + Printable.quote(origin) + ": to allow that origin, add &parent=" + Printable.shown(origin, Limits.ECHO)
                                + (embedded ? " to the frame's address (its src)" : " to the page's address")
                                + ", or list it in the site's pagewalk-config.json" + (embedded ? "" : " with \"fullPage\": true")
                                + " (see the help page, \"Who may drive the frame\"); nothing was run"));
            }
            return;
        }
        subscribe(source, origin);
        String shape = Js.messageShape(data);
        if (!shape.equals("object")) {
            String sample = Printable.quote(Js.messagePrefix(data, Limits.ECHO + 1));
            error(source, origin, data, "", "not-an-object", "Pagewalk takes messages as objects such as {type: "
                    + "'pagewalk:run', line: '…', id: 1}; this message is " + article(shape)
                    + (shape.equals("string") ? " (" + sample + "): post the object itself, not JSON text" : ""));
            return;
        }
        if (!addressed) {
            error(source, origin, data, type, "unknown-type", (type.isEmpty() ? "the message has no 'type'"
                    : "unknown message type " + Printable.quote(type)) + ": use one of " + typeList());
            return;
        }
        dispatch(type, data, source, origin);
    }

    private static String article(String shape) {
        switch (shape) {
            case "array":
                return "an array";
            case "undefined":
            case "null":
                return shape;
            default:
                return "a " + shape;
        }
    }

    private static String typeList() {
        StringBuilder sb = new StringBuilder();
        for (String c : CAPABILITIES) {
            if (!c.startsWith("event:")) {
                sb.append(sb.length() == 0 ? "" : ", ").append("pagewalk:").append(c);
            }
        }
        return sb.toString();
    }

    private void dispatch(String type, JSObject data, JSObject source, String origin) {
        String name = type.substring("pagewalk:".length());
        switch (name) {
            case "hello":
                reply(source, origin, data, hello("pagewalk:result").text("request", type).text("status", "ok")
                        .flag("busy", running != null).raw("lesson", lessonJson()));
                return;
            case "ping":
                reply(source, origin, data, result(type).text("status", "ok").flag("ready", true).flag("busy", running != null)
                        .raw("lesson", lessonJson()));
                return;
            case "state":
                reply(source, origin, data, withState(result(type).text("status", "ok")));
                return;
            case "cancel":
                boolean was = running != null;
                cancelRun();
                reply(source, origin, data, result(type).text("status", "ok")
                        .text("message", was ? "the running scenario stops after its current line" : "nothing was running"));
                return;
            default:
                break;
        }
        if (running != null) {
            error(source, origin, data, type, "busy", "a scenario is still running (" + running.where()
                    + "): wait for its result, or send pagewalk:cancel");
            return;
        }
        switch (name) {
            case "run":
                run(data, source, origin, type);
                return;
            case "load":
                load(data, source, origin, type);
                return;
            case "step":
                step(data, source, origin, type);
                return;
            case "reset":
                lessons.reset();
                seenAction = latestAction();
                reply(source, origin, data, withState(result(type).text("status", "ok")
                        .text("message", "the default machine (CeanOS booted), the lesson back at its first line")
                        .raw("lesson", lessonJson())));
                return;
            case "setView":
                setView(data, source, origin, type);
                return;
            default:
                error(source, origin, data, type, "unknown-type", "unknown message type " + Printable.quote(type)
                        + ": use one of " + typeList());
        }
    }

    private void run(JSObject data, JSObject source, String origin, String type) {
        String line = text(data, "line", Limits.LINE_CHARS, source, origin, type, "one scenario line");
        if (line == null) {
            return;
        }
        String one = line.endsWith("\r\n") ? line.substring(0, line.length() - 2)
                : line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        if (one.indexOf('\n') >= 0 || one.indexOf('\r') >= 0) {
            error(source, origin, data, type, "multiple-lines", "pagewalk:run takes one line, and this text has "
                    + (Split.on(one.replace('\r', '\n'), '\n').length) + ": send each with its own pagewalk:run, or the"
                    + " whole text as a scenario with pagewalk:load; nothing was run");
            return;
        }
        StepResult r = app.run(one);
        seenAction = latestAction();
        reply(source, origin, data, withState(result(type).text("status", LineResult.status(r.status()))
                .text("message", r.message()).raw("result", LineResult.json(r))));
    }

    private void load(JSObject data, JSObject source, String origin, String type) {
        String given = text(data, "scenario", Limits.SCENARIO_CHARS, source, origin, type,
                "a built-in scenario's name (such as '03-first-mapping.pw') or scenario text");
        if (given == null) {
            return;
        }
        boolean oneLine = given.indexOf('\n') < 0;
        String named = oneLine ? lessons.library(given.trim()) : null;
        if (oneLine && named == null && given.trim().endsWith(".pw")) {
            error(source, origin, data, type, "unknown-scenario", "no built-in scenario is called "
                    + Printable.quote(given.trim()) + "; the built-in ones are " + lessons.libraryNames() + "; nothing was run");
            return;
        }
        String text = named != null ? named : given;
        String title = named != null ? given.trim() : "Scenario from the course page";
        // Measured in JavaScript: counting a megabyte's line breaks in the page's Java was a long task.
        String tooBig = named != null ? Limits.scenario(named) : Limits.scenario(given.length(), Js.messageLines(data, "scenario"));
        if (tooBig != null) {
            error(source, origin, data, type, "too-large", tooBig + "; nothing was run");
            return;
        }
        begin(SlicedRun.load(lessons, text, title, Js.messageFlag(data, "run", true), progress, this::afterSlice,
                r -> finished(r, data, source, origin, type)));
    }

    private void step(JSObject data, JSObject source, String origin, String type) {
        int count = Js.messageInt(data, "count", Js.messageHas(data, "count") ? 0 : 1);
        if (count < 1 || count > Limits.STEP_COUNT) {
            error(source, origin, data, type, "bad-count", "'count' must be a whole number from 1 to " + Limits.STEP_COUNT
                    + " (how many lines to run); nothing was run");
            return;
        }
        if (lessons.length() == 0) {
            error(source, origin, data, type, "no-lesson", "no lesson is loaded: send pagewalk:load with run: false first");
            return;
        }
        if (!lessons.hasNext()) {
            error(source, origin, data, type, "at-end", "the lesson is at its end (line " + lessons.length()
                    + "): send pagewalk:reset to run it again");
            return;
        }
        begin(SlicedRun.steps(lessons, count, progress, this::afterSlice, r -> finished(r, data, source, origin, type)));
    }

    private void begin(SlicedRun run) {
        running = run;
        app.holdRedraws(true);
        run.start();
    }

    private void afterSlice() {
        seenAction = latestAction();
        reportProgress();
        // No redraw between slices: redrawing every view (frame map, walk, log, autosave text) was a
        // task of 50-100 ms on a 2-core machine, longer than a slice; the progress line shows how
        // far the run is and the views catch up once, when it ends.
    }

    private void finished(SlicedRun r, JSObject data, JSObject source, String origin, String type) {
        running = null;
        app.holdRedraws(false);
        ScenarioError e = r.syntaxError();
        Json reply = result(type);
        if (e != null) {
            reply.text("status", "error").text("code", "syntax").text("message", e.getMessage() + "; nothing was run")
                    .raw("error", Json.object().number("line", e.line()).number("column", e.column())
                            .text("message", e.detail()).toString());
        } else if (r.onlyLoaded()) {
            reply.text("status", "ok").text("message", "loaded " + lessons.length() + " lines; pagewalk:step runs them")
                    .raw("lesson", lessonJson());
        } else {
            r.describe(reply);
            r.results().postAsResults(source, withState(reply).toString(), Js.messageId(data), target(origin));
            return;
        }
        reply(source, origin, data, withState(reply));
    }

    private void setView(JSObject data, JSObject source, String origin, String type) {
        String names = text(data, "view", Limits.LINE_CHARS, source, origin, type, "view names such as 'walk,tlb'");
        if (names == null) {
            return;
        }
        String problem = views.choose(names);
        if (problem != null) {
            error(source, origin, data, type, "unknown-view", problem + "; the views did not change");
            return;
        }
        reply(source, origin, data, result(type).text("status", "ok").text("view", names));
    }

    /** A string field within its limit; otherwise answers the error itself and returns null. */
    private String text(JSObject data, String key, int max, JSObject source, String origin, String type, String what) {
        int length = Js.messageTextLength(data, key);
        if (length < 0) {
            error(source, origin, data, type, "bad-field", type + " needs '" + key + "': " + what
                    + (Js.messageHas(data, key) ? " as a string" : "") + "; nothing was run");
            return null;
        }
        if (length > max) {
            error(source, origin, data, type, "too-large", "'" + key + "' is " + length + " characters long; at most " + max
                    + " are taken (it begins " + Printable.quote(Js.messageText(data, key, Limits.ECHO + 1)) + "); nothing was run");
            return null;
        }
        return Js.messageText(data, key, max);
    }

    private void cancelRun() {
        if (running != null) {
            running.cancel();
        }
    }

    // ---- replies and events ---------------------------------------------------------------

    private static Json result(String type) {
        return Json.object().text("type", "pagewalk:result").number("version", VERSION).text("request", type);
    }

    private Json withState(Json reply) {
        return reply.raw("state", StateJson.of(app));
    }

    private String lessonJson() {
        return Json.object().number("position", lessons.position()).number("length", lessons.length()).toString();
    }

    private void error(JSObject source, String origin, JSObject data, String type, String code, String message) {
        reply(source, origin, data, withState(result(Printable.shown(type, Limits.ECHO)).text("status", "error")
                .text("code", code).text("message", message)));
    }

    private static void reply(JSObject source, String origin, JSObject data, Json reply) {
        Js.postReply(source, reply.toString(), Js.messageId(data), target(origin));
    }

    /** A sender on file:// or in a sandbox has the opaque origin "null", which postMessage cannot name. */
    private static String target(String origin) {
        return origin.equals("null") ? "*" : origin;
    }

    private void subscribe(JSObject window, String origin) {
        for (Subscriber s : subscribers) {
            if (s.window == window && s.origin.equals(origin)) {
                return;
            }
        }
        if (subscribers.size() >= MAX_SUBSCRIBERS) {
            subscribers.remove(0);
        }
        subscribers.add(new Subscriber(window, origin));
    }

    private void broadcast(String json) {
        for (Subscriber s : subscribers) {
            Js.post(s.window, json, target(s.origin));
        }
    }

    private int latestAction() {
        List<App.Action> after = app.actionsAfter(seenAction);
        return after.isEmpty() ? seenAction : after.get(after.size() - 1).id;
    }

    /** What the student did since the last report: each action, or each check, with its result. */
    private void reportActions() {
        List<App.Action> after = app.actionsAfter(seenAction);
        if (after.isEmpty()) {
            return;
        }
        seenAction = after.get(after.size() - 1).id;
        if (subscribers.isEmpty()) {
            return;
        }
        for (int i = Math.max(0, after.size() - MAX_EVENTS); i < after.size(); i++) {
            App.Action a = after.get(i);
            boolean check = a.result.status() == StepResult.Status.PASSED || a.result.status() == StepResult.Status.FAILED;
            broadcast(Json.object().text("type", check ? "pagewalk:expect" : "pagewalk:action").number("version", VERSION)
                    .text("line", Printable.shown(a.line, Printable.LINE)).raw("result", LineResult.json(a.result))
                    .toString());
        }
    }

    private void reportHeight() {
        int h = Js.contentHeight();
        if (h != height) {
            height = h;
            broadcast(Json.object().text("type", "pagewalk:resize").number("version", VERSION).number("height", h).toString());
        }
    }

    private void reportProgress() {
        if (running != null && !subscribers.isEmpty()) {
            broadcast(Json.object().text("type", "pagewalk:progress").number("version", VERSION)
                    .number("position", lessons.position()).number("length", lessons.length()).toString());
        }
    }
}
