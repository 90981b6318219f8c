package dev.funclab.standins.speech;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Speech stand-in: an HTTP server speaking Azure's text-to-speech REST shape, answering SSML
 * with real speech from eSpeak NG. Point the app setting {@code SPEECH_ENDPOINT} at {@link #endpoint()}
 * and give it {@link #key()}; the same code then works against a real Speech resource.
 *
 * <pre>{@code
 * try (SpeechStandIn speech = SpeechStandIn.start(0, "local-key", SpeechEngine.shared(System.out::println), System.out::println)) {
 *     speech.failNext(1, 429, Duration.ofSeconds(1)); // the first call is throttled: does the client retry?
 *     // POST speech.endpoint() + "/cognitiveservices/v1" with Ocp-Apim-Subscription-Key: local-key ...
 *     assertThat(speech.requests()).hasSize(2);
 * }
 * }</pre>
 *
 * Endpoints: {@code POST /cognitiveservices/v1}, {@code GET /cognitiveservices/voices/list},
 * {@code POST /sts/v1.0/issueToken}, and for scripts {@code POST /funclab/faults?status=429&count=1&retryAfter=1}
 * and {@code GET /funclab/requests}. It listens on 127.0.0.1 only.
 */
public final class SpeechStandIn implements AutoCloseable {

    private final Server server;
    private final SpeechHandler handler;
    private final String key;

    private SpeechStandIn(Server server, SpeechHandler handler, String key) {
        this.server = server;
        this.handler = handler;
        this.key = key;
    }

    /**
     * Starts a stand-in. Closing it stops the server, not the engine (which may be shared).
     *
     * @param port   the port to listen on, 0 for a free one
     * @param key    the resource key clients must send in {@code Ocp-Apim-Subscription-Key}
     * @param engine what speaks, usually {@link SpeechEngine#shared}
     * @param log    receives a line per synthesis call and the engine's failures
     */
    public static SpeechStandIn start(int port, String key, SpeechEngine engine, Consumer<String> log) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("The Speech stand-in needs a key for clients to send (any text, e.g. 'local-speech-key').");
        }
        SpeechHandler handler = new SpeechHandler(key.trim(), engine, log, Clock.systemUTC());
        Server server = server(handler, port);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // it did not start
            }
            throw new IllegalStateException("The Speech stand-in could not listen on port " + port + ": " + e.getMessage()
                    + (port != 0 ? ". Is something else using it? Choose another port, or 0 for a free one." : ""), e);
        }
        return new SpeechStandIn(server, handler, key.trim());
    }

    private static Server server(SpeechHandler handler, int port) {
        QueuedThreadPool threads = new QueuedThreadPool(50, 4);
        threads.setName("speech-stand-in");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setIdleTimeout(120_000);
        server.addConnector(connector);
        server.setHandler(handler);
        server.setStopTimeout(5_000);
        return server;
    }

    /** {@code http://localhost:<port>}, no trailing slash: the value for the app setting {@code SPEECH_ENDPOINT}. */
    public URI endpoint() {
        return URI.create("http://localhost:" + port());
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public String key() {
        return key;
    }

    /**
     * The next {@code count} synthesis calls (after the credentials check) answer {@code status},
     * e.g. 429 or 503, with {@code Retry-After} in whole seconds (rounded up) when {@code retryAfter}
     * is not null. Calls add up: failNext(1, 503, null) then failNext(1, 429, null) fails with 503, then 429.
     *
     * @throws IllegalArgumentException for a negative count, a status outside 400-599 or a negative retryAfter
     */
    public void failNext(int count, int status, Duration retryAfter) {
        handler.faults().add(count, status, retryAfter);
    }

    /** Cancels the failures still planned by {@link #failNext}. */
    public void clearFaults() {
        handler.faults().clear();
    }

    /** Cancels planned failures and forgets the requests seen: as if just started, on the same port with the same key. */
    public void reset() {
        handler.faults().clear();
        handler.clearRequests();
    }

    /** Every {@code POST /cognitiveservices/v1} seen (the last 1,000), oldest first, whatever it was answered (a copy). */
    public List<SpeechRequest> requests() {
        return handler.requests();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the Speech stand-in: " + e.getMessage(), e);
        }
    }
}
