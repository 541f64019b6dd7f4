package org.pagewalk.web.server;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves the built site folder over HTTP on localhost: the run command and the e2e tests share it.
 * JVM only: nothing in the browser code refers to this package, so TeaVM never compiles it.
 */
public final class SiteServer implements AutoCloseable {
    /** Loopback only: this is a preview server on a developer's machine, not a public host. */
    private static final String HOST = "127.0.0.1";

    private final Server server;
    private final int port;

    private SiteServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts serving {@code root} on {@code port} (0 = any free port) and returns once it accepts. */
    public static SiteServer start(Path root, int port) throws Exception {
        return start(root, port, SecurityPolicy.ANY_ANCESTOR);
    }

    /**
     * As {@link #start(Path, int)}, with the Content-Security-Policy's {@code frame-ancestors}
     * sources (who may embed the page), e.g. {@code "'self' https://course.example"}.
     */
    public static SiteServer start(Path root, int port, String frameAncestors) throws Exception {
        Path given = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(given.resolve("index.html"))) {
            throw new IOException("No site at " + given + " (index.html missing): build it with mvn package");
        }
        // The folder itself may be reached through a symlink; only links inside it are refused.
        Path dir = given.toRealPath();
        // A handful of threads is plenty for one browser; the default pool of 200 only costs memory.
        Server server = new Server(new QueuedThreadPool(16, 2));
        // No "Server: Jetty(12.x)" header, and no version on error pages.
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(HOST);
        connector.setPort(port);
        server.addConnector(connector);
        // Jetty knows .wasm today; stating it keeps streaming compilation working if that changes.
        server.getMimeTypes().addMimeMapping("wasm", "application/wasm");
        server.getMimeTypes().addMimeMapping("webmanifest", "application/manifest+json");
        // The site's text is UTF-8; say so rather than let a browser guess for scripts and styles.
        server.getMimeTypes().addMimeMapping("html", "text/html;charset=utf-8");
        server.getMimeTypes().addMimeMapping("js", "text/javascript;charset=utf-8");
        server.getMimeTypes().addMimeMapping("css", "text/css;charset=utf-8");
        // Scenario files (static/scenarios/*.pw) are plain text to a browser.
        server.getMimeTypes().addMimeMapping("pw", "text/plain;charset=utf-8");
        String policy = SecurityPolicy.header(frameAncestors);
        server.setErrorHandler(SecurityHandler.errors(policy));
        server.setHandler(new SecurityHandler(policy, files(dir)));
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new SiteServer(server, connector.getLocalPort());
    }

    /**
     * The files, in a context with no alias checks: Jetty then refuses every alias, that is every
     * path whose real location differs from the one asked for, so a symlink (to /etc/passwd, or
     * to a folder outside the site) is a 404 rather than followed. The site has no symlinks.
     * Without a ContextHandler, a ResourceHandler follows every symlink.
     */
    private static ContextHandler files(Path dir) {
        ContextHandler context = new ContextHandler(resources(dir), "/");
        context.clearAliasChecks();
        return context;
    }

    private static ResourceHandler resources(Path dir) {
        // Content-hashed bundles kept for a year, everything else revalidated (CacheLifetime).
        ResourceHandler handler = new SiteFiles();
        handler.setBaseResource(ResourceFactory.of(handler).newResource(dir));
        handler.setDirAllowed(false);
        // A validator finer than Last-Modified's whole seconds: a rebuild within the second it was
        // last fetched in still changes the ETag (from the modification time in milliseconds).
        handler.setEtags(true);
        handler.setWelcomeFiles("index.html");
        return handler;
    }

    public int port() {
        return port;
    }

    /** The site's root URL, with a trailing slash. */
    public URI uri() {
        return URI.create("http://localhost:" + port + "/");
    }

    /** Blocks until the server stops (Ctrl+C stops it through the shutdown hook). */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    public static void main(String[] args) {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pagewalk-server: " + e.getMessage());
            System.err.println(ServerOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(ServerOptions.USAGE);
            return;
        }
        try {
            SiteServer site = start(options.dir(), options.port(), options.frameAncestors());
            System.out.println("Pagewalk is being served at " + site.uri());
            site.join();
        } catch (Exception e) {
            String hint = hasCause(e, BindException.class)
                    ? " (is the port in use? choose another with --port N, or --port 0 for any free one)"
                    : "";
            System.err.println("pagewalk-server: " + e.getMessage() + hint);
            System.exit(1);
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
