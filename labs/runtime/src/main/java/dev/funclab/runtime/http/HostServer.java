package dev.funclab.runtime.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The host's HTTP server: Jetty with its thread pool, connector and limits. Public so that the benchmarks
 * can put a bare handler on exactly the same stack.
 */
public final class HostServer {

    private HostServer() {
    }

    /** A server, not started yet, that hands every request to {@code handler}. */
    public static Server create(Handler handler, String address, int port) {
        // Work is bounded before it reaches the pool (connections, calls in flight, body bytes: see
        // HttpLimits), so the pool's job queue stays unbounded, as Jetty requires to avoid deadlocks.
        QueuedThreadPool threads = new QueuedThreadPool(HttpLimits.SERVER_THREADS, 8);
        threads.setName("function-host");
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(address);
        connector.setPort(port);
        // A connection silent this long is closed; a sender that trickles is cut by the body timeout.
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(HttpLimits.MAX_CONNECTIONS, connector));
        server.setHandler(handler);
        server.setStopTimeout(5_000);
        server.setStopAtShutdown(false);
        return server;
    }

    /** The port the server listens on, once started. */
    public static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }
}
