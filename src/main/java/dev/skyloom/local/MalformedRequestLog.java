package dev.skyloom.local;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty's answer to requests it refuses before they reach the server's handler (a malformed request line, headers too
 * large, a broken HTTP/2 frame): a short plain-text error, no stack trace or server details, and one log line, like
 * every refusal.
 */
final class MalformedRequestLog extends ErrorHandler {

    private static final System.Logger LOG = System.getLogger(RpcHandler.LOGGER);

    MalformedRequestLog() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
        setDefaultResponseMimeType("text/plain");
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        LOG.log(System.Logger.Level.DEBUG, () -> "refused a malformed request: " + status + " " + oneLine(reason));
        return super.badMessageError(status, reason, fields);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Object message = request.getAttribute(ERROR_MESSAGE);
        LOG.log(System.Logger.Level.DEBUG, () -> "refused " + oneLine(request.getMethod()) + " "
                + oneLine(request.getHttpURI().getPath()) + " (" + request.getConnectionMetaData().getHttpVersion()
                + ", from " + Request.getRemoteAddr(request) + "): " + response.getStatus()
                + (message == null ? "" : " " + oneLine(message.toString())));
        return super.handle(request, response, callback);
    }

    private static String oneLine(String text) {
        return RpcHandler.oneLine(text == null ? "" : text, 200);
    }
}
