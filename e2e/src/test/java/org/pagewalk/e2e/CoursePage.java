package org.pagewalk.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pagewalk.e2e.harness.Browser;

/**
 * A course page on a second origin (its own small server on another port and host) that embeds Pagewalk in an
 * iframe and talks to it with postMessage, as an instructor's grader would. Every message the
 * host receives is kept in {@code window.__got} with its origin.
 */
final class CoursePage implements AutoCloseable {
    private static final byte[] PAGE = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Course page</title></head><body style=\"margin:0\"><h1>Week 3: paging</h1></body></html>")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    private CoursePage(HttpServer server) {
        this.server = server;
    }

    /**
     * A course site's own server: one page, no Content-Security-Policy of Pagewalk's (whose
     * default-src 'self' would forbid the frame), on 127.0.0.1 while Pagewalk is on localhost.
     */
    static CoursePage start() throws IOException {
        return serving(() -> PAGE);
    }

    /** A course site whose every address answers with {@code page} (an instructor's own HTML, written once the origin is known). */
    static CoursePage serving(Supplier<byte[]> page) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = page.get();
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new CoursePage(server);
    }

    /** The course page's origin, e.g. http://127.0.0.1:41235 (localhost serves Pagewalk: another host, another origin). */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Opens the course page and adds the frame ({@code query} after index.html, e.g.
     * "?engine=js&embed=1"); {@code early} messages are posted at the iframe's load event,
     * before Pagewalk says it is ready.
     */
    void open(Browser b, String query, int width, int height, List<Map<String, Object>> early) {
        open(b, b.siteUrl(), query, width, height, early);
    }

    /** As {@link #open(Browser, String, int, int, List)}, with Pagewalk served from {@code site} (another installation). */
    void open(Browser b, URI site, String query, int width, int height, List<Map<String, Object>> early) {
        b.driver().get(origin() + "/index.html");
        b.script("window.__got = [];"
                + "window.addEventListener('message', function (e) { window.__got.push({origin: e.origin, data: e.data}); });"
                + "var f = document.createElement('iframe'); f.id = 'pw'; f.title = 'Pagewalk';"
                + "f.style.width = arguments[1] + 'px'; f.style.height = arguments[2] + 'px'; f.style.border = '0';"
                + "window.__send = function (m) { f.contentWindow.postMessage(m, '*'); };"
                + "window.__canon = function (v) { return v && typeof v === 'object' && !Array.isArray(v)"
                + "  ? '{' + Object.keys(v).sort().map(function (k) { return JSON.stringify(k) + ':' + window.__canon(v[k]); }).join(',') + '}'"
                + "  : JSON.stringify(v); };"
                + "f.addEventListener('load', function () { window.__frameLoaded = true; window.__loadedBeforeReady = !window.__got.some(function (m) {"
                + "  return m.data && m.data.type === 'pagewalk:ready'; });"
                + "  (window.__early || []).forEach(function (m) { window.__send(m); }); });"
                + "window.__early = arguments[3];"
                + "f.src = arguments[0]; document.body.appendChild(f);",
                site.resolve("index.html" + query).toString(), width, height, early);
        // Before its load event a new frame holds about:blank, which drops what is posted to it.
        b.waitUntil("window.__frameLoaded");
    }

    /** A message as a map: keys and values in turn ("type", "pagewalk:run", "id", 1, ...). */
    static Map<String, Object> msg(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static void send(Browser b, Object message) {
        b.script("window.__send(arguments[0]);", message);
    }

    /** As {@link #reply}, waiting up to {@code seconds} (a long scenario). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> replyWithin(Browser b, Object id, int seconds) {
        String find = "(window.__got || []).filter(function (m) { return m.data && m.data.type === 'pagewalk:result'"
                + " && window.__canon(m.data.id) === window.__canon(" + json(id) + "); })[0]";
        new WebDriverWait(b.driver(), Duration.ofSeconds(seconds), Duration.ofMillis(100))
                .until(d -> Boolean.TRUE.equals(b.script("return !!(" + find + ");")));
        return (Map<String, Object>) b.script("return " + find + ";");
    }

    /** Waits for the reply whose id is {@code id} (compared as JSON) and returns it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> reply(Browser b, Object id) {
        String find = "(window.__got || []).filter(function (m) { return m.data && m.data.type === 'pagewalk:result'"
                + " && window.__canon(m.data.id) === window.__canon(" + json(id) + "); })[0]";
        try {
            b.waitUntil(find);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the course page got " + b.script("return JSON.stringify(window.__got);")
                    + frameProblems(b), e);
        }
        return (Map<String, Object>) b.script("return " + find + ";");
    }

    /** Posts {@code message} and waits for its reply (the message must carry {@code id}). */
    static Map<String, Object> ask(Browser b, Map<String, Object> message) {
        send(b, message);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) reply(b, message.get("id")).get("data");
        return r;
    }

    private static String frameProblems(Browser b) {
        b.driver().switchTo().frame("pw");
        try {
            return "; in the frame: faults " + b.script("return document.body.dataset.faults || 'none';") + ", "
                    + b.script("var f = document.getElementById('fault'); return f ? f.textContent : '';") + ", ready "
                    + b.script("return document.body.dataset.ready || 'no';") + ", at " + b.script("return location.href + ' ' + document.readyState + ' engine ' + document.body.dataset.engine"
                    + " + ' status ' + (document.getElementById('status') || {}).textContent + ' errors ' + JSON.stringify(window.__pagewalkErrors);")
                    + ", notice "
                    + b.script("var n = document.getElementById('embed-notice'); return n ? n.textContent : '';");
        } finally {
            b.driver().switchTo().defaultContent();
        }
    }

    static String json(Object id) {
        if (id instanceof String) {
            return "'" + ((String) id).replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (id instanceof Map) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : ((Map<?, ?>) id).entrySet()) {
                sb.append(sb.length() > 1 ? "," : "").append(json(String.valueOf(e.getKey()))).append(':').append(json(e.getValue()));
            }
            return sb.append('}').toString();
        }
        return String.valueOf(id);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
