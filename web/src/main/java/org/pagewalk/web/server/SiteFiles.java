package org.pagewalk.web.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContentFactory;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;

/**
 * The site's files, each with its own Cache-Control (CacheLifetime). Set where Jetty writes a
 * file's headers (a 200 or a 304), so an error page (a 404 for a bundle name no build made) never
 * carries a year's lifetime.
 */
final class SiteFiles extends ResourceHandler {
    /**
     * Each file read as it is on disk now. Jetty's default keeps a file's content and validators
     * in memory and looks at the disk again only a second later, so a reload within that second of
     * a rebuild got a 304 for the old boot.js and ran the old bundle. The site is a few small
     * files; the operating system's page cache is cache enough.
     */
    @Override
    protected HttpContent.Factory newHttpContentFactory(ByteBufferPool.Sized pool) {
        return new ResourceHttpContentFactory(getBaseResource(), getMimeTypes(), pool);
    }

    @Override
    protected ResourceService newResourceService() {
        return new ResourceService() {
            @Override
            protected void putHeaders(Response response, HttpContent content, long contentLength) {
                putCacheControl(response, content);
                super.putHeaders(response, content, contentLength);
            }

            @Override
            protected void putNotModifiedHeaders(Response response, HttpContent content) {
                putCacheControl(response, content);
                super.putNotModifiedHeaders(response, content);
            }

            /**
             * Jetty sends a 304 as an error response, whose Cache-Control (no-store) replaces the
             * file's; Chromium then drops the file it just revalidated from its cache, and the
             * next load downloads (and compiles) it again. Sent here as itself, with its headers.
             */
            @Override
            protected void writeHttpError(Request request, Response response, Callback callback, int status) {
                if (status == HttpStatus.NOT_MODIFIED_304) {
                    response.setStatus(status);
                    response.write(true, null, callback);
                } else {
                    super.writeHttpError(request, response, callback, status);
                }
            }
        };
    }

    private static void putCacheControl(Response response, HttpContent content) {
        Resource file = content.getResource();
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, CacheLifetime.of(file == null ? null : file.getFileName()));
    }
}
