package dev.funclab.bench;

import dev.funclab.runtime.http.HostServer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A bare handler on the host's server stack, answering {@code Hello, world} to every request: the HTTP
 * benchmark's baseline, and (run as a program) the start-up benchmark's: a JVM that only starts that server.
 */
final class BareJetty extends Handler.Abstract {

    static final String CONTENT_TYPE = "text/plain; charset=utf-8";
    private static final byte[] ANSWER = dev.funclab.bench.apps.hello.Hello.ANSWER.getBytes(StandardCharsets.UTF_8);

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, ANSWER.length);
        response.write(true, ByteBuffer.wrap(ANSWER), callback);
        return true;
    }

    /** Prints {@code Listening on http://localhost:PORT/} as the host does, then serves until killed. */
    public static void main(String[] args) throws Exception {
        Server server = HostServer.create(new BareJetty(), "localhost", 0);
        server.start();
        System.out.println("Listening on http://localhost:" + HostServer.port(server) + "/");
        server.join();
    }
}
