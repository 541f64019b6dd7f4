package org.pagewalk.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server the run command and the e2e suite use: right types, nothing outside the folder. */
class SiteServerTest {
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

    private HttpResponse<byte[]> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    }
}
