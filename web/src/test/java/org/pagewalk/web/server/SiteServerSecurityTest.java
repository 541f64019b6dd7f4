package org.pagewalk.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server refuses and what it says about itself: only regular files inside the site
 * folder, no dotfiles, GET and HEAD only, the security headers on every answer, no version.
 */
class SiteServerSecurityTest {
    private static final String SECRET = "root:x:0:0:secret outside the site";
    private static final String EXPECTED_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; "
            + "style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors *";

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path site;

    @TempDir
    Path outside;

    private SiteServer server;

    @BeforeEach
    void site() throws Exception {
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>t</title>");
        Files.writeString(site.resolve("style.css"), "body{}");
        Files.writeString(outside.resolve("passwd"), SECRET);
        Files.createDirectories(outside.resolve("folder"));
        Files.writeString(outside.resolve("folder").resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(site.resolve("passwd"), outside.resolve("passwd"));
        Files.createSymbolicLink(site.resolve("linked"), outside.resolve("folder"));
        Files.writeString(site.resolve(".env"), SECRET);
        Files.createDirectories(site.resolve(".git"));
        Files.writeString(site.resolve(".git").resolve("config"), SECRET);
        Files.createDirectories(site.resolve("scenarios"));
        Files.writeString(site.resolve("scenarios").resolve(".hidden.pw"), SECRET);
        server = SiteServer.start(site, 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        // Removed here so that JUnit's clean-up has no links leaving its folder to warn about.
        Files.delete(site.resolve("passwd"));
        Files.delete(site.resolve("linked"));
    }

    @Test
    void servesARegularFile() throws Exception {
        HttpResponse<String> css = send("GET", "style.css");
        assertEquals(200, css.statusCode());
        assertEquals("body{}", css.body());
    }

    @Test
    void symlinksLeavingTheFolderAreNotFollowed() throws Exception {
        for (String path : List.of("passwd", "linked/secret.txt", "linked/", "linked")) {
            HttpResponse<String> response = send("GET", path);
            assertEquals(404, response.statusCode(), path);
            assertFalse(response.body().contains(SECRET), path);
        }
    }

    @Test
    void dotfilesAndDotFoldersAreNotServed() throws Exception {
        for (String path : List.of(".env", ".git/config", ".git/", "scenarios/.hidden.pw", "%2egit/config",
                "scenarios/%2Ehidden.pw", "scenarios/../.env")) {
            HttpResponse<String> response = send("GET", path);
            assertEquals(404, response.statusCode(), path);
            assertFalse(response.body().contains(SECRET), path);
        }
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH")) {
            for (String path : List.of("index.html", "missing.js")) {
                HttpResponse<String> response = send(method, path);
                assertEquals(405, response.statusCode(), method + " " + path);
                assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElse(null), method);
                assertSecurityHeaders(response, EXPECTED_POLICY);
            }
        }
        HttpResponse<String> head = send("HEAD", "style.css");
        assertEquals(200, head.statusCode());
        assertEquals("6", head.headers().firstValue("Content-Length").orElse(null));
        assertEquals("", head.body());
        assertSecurityHeaders(head, EXPECTED_POLICY);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        assertSecurityHeaders(send("GET", ""), EXPECTED_POLICY);
        assertSecurityHeaders(send("GET", "style.css"), EXPECTED_POLICY);
        assertSecurityHeaders(send("GET", "missing.js"), EXPECTED_POLICY);
        assertSecurityHeaders(send("GET", ".git/config"), EXPECTED_POLICY);
        assertSecurityHeaders(send("GET", "passwd"), EXPECTED_POLICY);
        // Rejected by Jetty's parser before any handler runs (an encoded NUL): still the headers.
        HttpResponse<String> malformed = send("GET", "%00");
        assertEquals(400, malformed.statusCode());
        assertSecurityHeaders(malformed, EXPECTED_POLICY);
    }

    @Test
    void noVersionInHeadersOrErrorPages() throws Exception {
        for (HttpResponse<String> response : List.of(send("GET", "style.css"), send("GET", "missing.js"),
                send("POST", "index.html"), send("GET", "passwd"), send("GET", "%00"))) {
            assertFalse(response.headers().firstValue("Server").isPresent(), response.uri() + " Server header");
            assertFalse(response.headers().firstValue("X-Powered-By").isPresent(), response.uri() + " X-Powered-By");
            String body = response.body().toLowerCase();
            assertFalse(body.contains("jetty"), response.uri() + ": " + response.body());
            assertFalse(body.contains("12.1"), response.uri() + ": " + response.body());
            assertFalse(body.contains("caused by") || body.contains("exception"), response.uri() + ": " + response.body());
        }
    }

    @Test
    void aSiteFolderReachedThroughASymlinkIsServed() throws Exception {
        Path link = outside.resolve("site-link");
        Files.createSymbolicLink(link, site);
        try (SiteServer linked = SiteServer.start(link, 0)) {
            HttpResponse<String> css = http.send(HttpRequest.newBuilder(linked.uri().resolve("style.css")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, css.statusCode());
            assertEquals("body{}", css.body());
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void frameAncestorsCanBeNarrowed() throws Exception {
        try (SiteServer narrow = SiteServer.start(site, 0, "'self' https://course.example")) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(narrow.uri().resolve("index.html")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertSecurityHeaders(response, EXPECTED_POLICY.replace("frame-ancestors *",
                    "frame-ancestors 'self' https://course.example"));
        }
    }

    private static void assertSecurityHeaders(HttpResponse<?> response, String policy) {
        String where = response.request().method() + " " + response.uri() + " (" + response.statusCode() + ")";
        assertEquals(List.of(policy), response.headers().allValues("Content-Security-Policy"), where);
        assertEquals(List.of("nosniff"), response.headers().allValues("X-Content-Type-Options"), where);
        assertEquals(List.of("no-referrer"), response.headers().allValues("Referrer-Policy"), where);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
