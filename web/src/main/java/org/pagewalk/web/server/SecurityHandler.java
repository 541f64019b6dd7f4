package org.pagewalk.web.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * In front of the files: the security headers on every response (errors included), 405 for any
 * method but GET and HEAD, and 404 for any path with a segment starting with a dot (.git, .env,
 * editor swap files), which the site never has but a working folder might.
 */
final class SecurityHandler extends Handler.Wrapper {
    static final String ALLOWED_METHODS = "GET, HEAD";

    private final String contentSecurityPolicy;

    SecurityHandler(String contentSecurityPolicy, Handler files) {
        super(files);
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        addHeaders(response, contentSecurityPolicy);
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, ALLOWED_METHODS);
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        if (hasDotSegment(Request.getPathInContext(request))) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        return super.handle(request, response, callback);
    }

    static void addHeaders(Response response, String contentSecurityPolicy) {
        response.getHeaders().put("Content-Security-Policy", contentSecurityPolicy);
        response.getHeaders().put("X-Content-Type-Options", SecurityPolicy.NOSNIFF);
        response.getHeaders().put("Referrer-Policy", SecurityPolicy.NO_REFERRER);
    }

    /**
     * A bare status page with the same headers: no stack trace, no server name or version. Jetty
     * also uses it for requests it rejects before any handler runs (a malformed URI gets 400).
     */
    static ErrorHandler errors(String contentSecurityPolicy) {
        ErrorHandler errors = new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                addHeaders(response, contentSecurityPolicy);
                return super.handle(request, response, callback);
            }
        };
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        errors.setShowMessageInTitle(false);
        errors.setShowOrigin(false);
        return errors;
    }

    /** Jetty has decoded and normalised the path by now, so %2e and /./ tricks are already resolved. */
    static boolean hasDotSegment(String path) {
        return path.startsWith(".") || path.contains("/.");
    }
}
