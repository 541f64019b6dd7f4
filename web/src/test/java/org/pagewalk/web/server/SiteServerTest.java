package org.pagewalk.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server the run command and the e2e suite use: right types, nothing outside the folder, and
 * Cache-Control per file: a content-hashed bundle is kept for a year without revalidation; the
 * page, boot.js (which names the bundles) and every other file are revalidated on each load, so a
 * reload after a rebuild shows the new build.
 */
class SiteServerTest {
    private static final String YEAR = "public, max-age=31536000, immutable";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path site;

    @Test
    void servesTheFolderWithBrowserReadyTypes() throws Exception {
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>t</title>");
        Files.write(site.resolve("pagewalk.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        Files.writeString(site.resolve("pagewalk.js"), "main();");
        Files.writeString(site.resolve("lesson.pw"), "boot\n");
        try (SiteServer server = SiteServer.start(site, 0)) {
            assertTrue(server.port() > 0);
            assertEquals(URI.create("http://localhost:" + server.port() + "/"), server.uri());

            HttpResponse<byte[]> root = get(server.uri());
            assertEquals(200, root.statusCode());
            assertTrue(new String(root.body()).contains("<title>t</title>"), "/ serves index.html");
            assertEquals("text/html;charset=utf-8", type(root));

            HttpResponse<byte[]> wasm = get(server.uri().resolve("pagewalk.wasm"));
            assertEquals("application/wasm", type(wasm));
            assertEquals(8, wasm.body().length);

            assertEquals("text/javascript;charset=utf-8", type(get(server.uri().resolve("pagewalk.js"))));
            assertEquals("text/plain;charset=utf-8", type(get(server.uri().resolve("lesson.pw"))));
            assertEquals(404, get(server.uri().resolve("missing.js")).statusCode());
        }
    }

    @Test
    void refusesAFolderWithoutASite() {
        IOException e = assertThrows(IOException.class, () -> SiteServer.start(site, 0));
        assertTrue(e.getMessage().contains("index.html"), e.getMessage());
    }

    @Test
    void hashedBundlesAreImmutableAndEverythingElseIsRevalidated() throws Exception {
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>t</title>");
        Files.writeString(site.resolve("boot.js"), "var FILES = {};");
        Files.writeString(site.resolve("pagewalk.ba7816bf.js"), "abc");
        Files.write(site.resolve("pagewalk.0123abcd.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        Files.writeString(site.resolve("pagewalk.wasm-runtime.89abcdef.js"), "var TeaVM;");
        Files.writeString(site.resolve("pagewalk.js"), "an unhashed leftover");
        Files.writeString(site.resolve("style.css"), "body {}");
        Files.createDirectories(site.resolve("scenarios"));
        Files.writeString(site.resolve("scenarios/library.js"), "window.PAGEWALK_LIBRARY = [];");
        try (SiteServer server = SiteServer.start(site, 0)) {
            for (String hashed : new String[] {"pagewalk.ba7816bf.js", "pagewalk.0123abcd.wasm", "pagewalk.wasm-runtime.89abcdef.js"}) {
                HttpResponse<byte[]> r = get(server.uri().resolve(hashed));
                assertEquals(200, r.statusCode(), hashed);
                assertEquals(YEAR, cacheControl(r), hashed);
            }
            for (String other : new String[] {"", "index.html", "boot.js", "pagewalk.js", "style.css", "scenarios/library.js"}) {
                HttpResponse<byte[]> r = get(server.uri().resolve(other));
                assertEquals(200, r.statusCode(), other);
                assertEquals("no-cache", cacheControl(r), "/" + other);
            }
        }
    }

    @Test
    void aNotModifiedFileKeepsItsLifetimeAndAMissingBundleIsNotKept() throws Exception {
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>t</title>");
        Files.writeString(site.resolve("boot.js"), "var FILES = {};");
        try (SiteServer server = SiteServer.start(site, 0)) {
            URI boot = server.uri().resolve("boot.js");
            String lastModified = get(boot).headers().firstValue("Last-Modified").orElseThrow();
            HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(boot).header("If-Modified-Since", lastModified).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(304, again.statusCode());
            // Not Jetty's error-page "no-store", which makes Chromium drop the file it just revalidated.
            assertEquals("no-cache", cacheControl(again), "a 304 keeps the file's lifetime");
            assertEquals(lastModified, again.headers().firstValue("Last-Modified").orElse(""));
            assertEquals(0, again.body().length);
            assertEquals(SecurityPolicy.header(SecurityPolicy.ANY_ANCESTOR),
                    again.headers().firstValue("Content-Security-Policy").orElse(""), "the 304 keeps the security headers");

            // A name no build made (a page of an older build asking for a deleted bundle): nothing to keep.
            HttpResponse<byte[]> missing = get(server.uri().resolve("pagewalk.deadbeef.js"));
            assertEquals(404, missing.statusCode());
            assertFalse(cacheControl(missing).contains("max-age"), cacheControl(missing));
        }
    }

    @Test
    void aRebuiltFileIsServedAtOnceEvenToARevalidation() throws Exception {
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>t</title>");
        Path bootJs = site.resolve("boot.js");
        Files.writeString(bootJs, "var FILES = {'pagewalk.js': 'pagewalk.aaaaaaaa.js'};");
        try (SiteServer server = SiteServer.start(site, 0)) {
            URI boot = server.uri().resolve("boot.js");
            HttpResponse<byte[]> first = get(boot);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

            // A rebuild within the same second: same length, a later modification time.
            Files.writeString(bootJs, "var FILES = {'pagewalk.js': 'pagewalk.bbbbbbbb.js'};");
            Files.setLastModifiedTime(bootJs, FileTime.fromMillis(Files.getLastModifiedTime(bootJs).toMillis() + 5000));
            HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(boot)
                    .header("If-None-Match", etag).header("If-Modified-Since", lastModified).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, again.statusCode(), "the browser's copy is out of date");
            assertEquals("var FILES = {'pagewalk.js': 'pagewalk.bbbbbbbb.js'};", new String(again.body()));
        }
    }

    private HttpResponse<byte[]> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    }

    private static String cacheControl(HttpResponse<?> response) {
        return response.headers().firstValue("Cache-Control").orElse("");
    }
}
