package dev.funclab.runtime.http;

import dev.funclab.runtime.TestStorage;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle on a real server: seats are never more than maxConcurrentRequests, each call gets an answer, a call
 * that waits too long is answered 503, and no seat is lost on the way.
 */
class HttpThrottleTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Answers "done"; calls to /api/block wait until {@link #open} is counted down. */
    private final CountDownLatch open = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private Server server;
    private HttpThrottle throttle;

    private final Handler app = new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                if (request.getHttpURI().getPath().equals("/api/block")) {
                    open.await(20, TimeUnit.SECONDS);
                } else {
                    Thread.sleep(1); // a little work, so that calls overlap
                }
            } finally {
                running.decrementAndGet();
            }
            Reply.text(200, "done").send(request, response, callback);
            return true;
        }
    };

    private URI start(int concurrent, int outstanding, Duration maxWait) throws Exception {
        throttle = new HttpThrottle(app, new HttpLimits(concurrent, outstanding, Duration.ofSeconds(60), 1 << 20), maxWait);
        server = HostServer.create(throttle, "localhost", 0);
        server.start();
        return URI.create("http://localhost:" + HostServer.port(server) + "/api/");
    }

    @AfterEach
    void stop() throws Exception {
        open.countDown();
        if (server != null) {
            server.stop();
        }
    }

    private static CompletableFuture<HttpResponse<String>> call(URI uri) {
        return CLIENT.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void neverMoreCallsAtOnceThanSeatsAndEveryCallIsAnswered() throws Exception {
        URI base = start(2, 400, Duration.ofSeconds(30));
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            calls.add(call(base.resolve("work")));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as("each call waits for its turn and runs").isEqualTo(200);
        }
        assertThat(mostAtOnce).as("calls in the function at once, with maxConcurrentRequests 2").hasValueLessThanOrEqualTo(2);
        assertThat(throttle.freeSeats()).as("seats free once every call is answered").isEqualTo(2);
    }

    @Test
    void aCallThatWaitsTooLongIs503AndItsSeatIsNotLost() throws Exception {
        URI base = start(1, 2, Duration.ofMillis(300));
        CompletableFuture<HttpResponse<String>> blocking = call(base.resolve("block"));
        awaitRunning(1);

        HttpResponse<String> gaveUp = call(base.resolve("work")).get(20, TimeUnit.SECONDS);
        assertThat(gaveUp.statusCode()).as("a call that found no seat within maxWait").isEqualTo(503);
        assertThat(gaveUp.body()).contains("maxConcurrentRequests");

        open.countDown();
        assertThat(blocking.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(call(base.resolve("work")).get(20, TimeUnit.SECONDS).statusCode()).as("the next call").isEqualTo(200);
        assertThat(throttle.freeSeats()).as("seats free once every call is answered").isEqualTo(1);
    }

    @Test
    void aWaitingCallGetsTheSeatWhenTheRunningOneEnds() throws Exception {
        URI base = start(1, 2, Duration.ofSeconds(30));
        CompletableFuture<HttpResponse<String>> blocking = call(base.resolve("block"));
        awaitRunning(1);
        CompletableFuture<HttpResponse<String>> waiting = call(base.resolve("work"));
        TestStorage.await("the second call to wait for the seat", Duration.ofSeconds(20), () -> throttle.freeSeats() == -1);
        HttpResponse<String> refused = call(base.resolve("work")).get(20, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).as("a third call beyond maxOutstandingRequests 2").isEqualTo(429);
        assertThat(waiting).as("the second call waits for the seat").isNotDone();

        open.countDown();
        assertThat(blocking.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(waiting.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(throttle.freeSeats()).isEqualTo(1);
    }

    private void awaitRunning(int calls) {
        TestStorage.await(calls + " call(s) running", Duration.ofSeconds(20), () -> running.get() >= calls);
    }
}
