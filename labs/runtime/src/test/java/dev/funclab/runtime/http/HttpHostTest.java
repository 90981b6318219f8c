package dev.funclab.runtime.http;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP trigger through a real socket, against the fixture app in {@code fixtures.http}. */
class HttpHostTest {

    @TempDir
    static Path folder;

    static FunctionHost host;
    static final List<String> logLines = new CopyOnWriteArrayList<>();
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startHost() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.http", "{\"version\": \"2.0\"}",
                Map.of("FUNCTIONS_REQUEST_BODY_SIZE_LIMIT", "4096"));
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(logLines::add);
        host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of())
                .withKeys("the-function-key", "the-master-key"), log);
    }

    @AfterAll
    static void stopHost() throws Exception {
        host.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(host.baseUri().resolve(path)).GET();
    }

    static HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(host.baseUri().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Nested
    class Routing {
        @Test
        void defaultRouteIsTheFunctionNameUnderTheApiPrefix() throws Exception {
            HttpResponse<String> response = send(get("api/hello?name=Kim"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Hello, Kim");
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        }

        @Test
        void unknownRouteIs404WithTheListOfFunctions() throws Exception {
            HttpResponse<String> response = send(get("api/nope"));
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("/api/hello");
        }

        @Test
        void wrongMethodIs404BecauseTheMethodIsPartOfTheRoute() throws Exception {
            assertThat(send(HttpRequest.newBuilder(host.baseUri().resolve("api/hello")).PUT(HttpRequest.BodyPublishers.noBody()))
                    .statusCode()).isEqualTo(404);
        }

        @Test
        void routeWithoutPrefixIs404() throws Exception {
            assertThat(send(get("hello")).statusCode()).isEqualTo(404);
        }

        @Test
        void intConstraintAndOptionalSegmentBindThroughBindingName() throws Exception {
            assertThat(send(get("api/items/42")).body()).isEqualTo("item 42 label null");
            assertThat(send(get("api/items/42/red")).body()).isEqualTo("item 42 label red");
        }

        @Test
        void constrainedRouteFallsThroughToTheNextMatchingRoute() throws Exception {
            assertThat(send(get("api/items/abc")).body()).isEqualTo("named abc");
            assertThat(send(get("api/items/abc1")).statusCode()).isEqualTo(404);
        }

        @Test
        void catchAllTakesTheRestOfThePathDecoded() throws Exception {
            assertThat(send(get("api/files/docs/2024/r%C3%A9sum%C3%A9.pdf")).body()).isEqualTo("file docs/2024/résumé.pdf");
        }

        @Test
        void functionsNamedLikeObjectMethodsAreFound() throws Exception {
            assertThat(send(get("api/wait")).body()).isEqualTo("a function may be called wait");
        }

        @Test
        void headerNamesArriveLowerCasedAndQueryValuesJoined() throws Exception {
            assertThat(send(get("api/headers?tag=a&tag=b&empty=").header("X-Trace", "t1")).body()).isEqualTo("t1|null|a,b|false");
        }

        @Test
        void bindingDataTakesRouteOverQueryOverJsonBodyAndNeverTheKey() throws Exception {
            HttpResponse<String> response = send(post("api/bound/7?id=9&size=S&size=L&code=secret",
                    "{\"color\": \"red\", \"size\": \"XL\", \"id\": 1}"));
            assertThat(response.body()).isEqualTo("id=7;color=red;size=L;code=null");
        }

        @Test
        void methodsTheLibraryDoesNotKnowAre404() throws Exception {
            assertThat(send(HttpRequest.newBuilder(host.baseUri().resolve("api/hello"))
                    .method("PROPFIND", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
        }

        @Test
        void semicolonsAndEncodedCharactersStayInTheirSegment() throws Exception {
            assertThat(send(get("api/segments/a;b=1/c%20d")).body()).isEqualTo("a;b=1|c d");
        }

        @Test
        void hostStatusAnswersRunning() throws Exception {
            assertThat(send(get("admin/host/status")).body()).contains("Running");
        }
    }

    @Nested
    class Bodies {
        @Test
        void stringBodyArrivesAsOptional() throws Exception {
            assertThat(send(post("api/hello", "Lee")).body()).isEqualTo("Hello, Lee");
        }

        @Test
        void pojoBodyIsReadFromJsonAndWrittenBackAsJson() throws Exception {
            HttpResponse<String> response = send(post("api/echo", "{\"item\":\"pen\",\"quantity\":3,\"price\":1.5,\"extra\":true}")
                    .header("Content-Type", "application/json"));
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue("Location")).hasValue("/api/orders/1");
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            assertThat(response.body()).contains("\"item\":\"pen\"").contains("\"total\":4.5");
        }

        @Test
        void invalidJsonIs500AsInAzureNamingTheProblem() throws Exception {
            HttpResponse<String> response = send(post("api/echo", "{\"item\": \"pen\""));
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("not valid JSON").contains("line 1");
        }

        @Test
        void wrongJsonTypeIs500AsInAzure() throws Exception {
            HttpResponse<String> response = send(post("api/echo", "{\"quantity\": \"many\"}"));
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("not valid JSON for Order").contains("many");
        }

        @Test
        void bodyCanBeTheTriggerParameterItself() throws Exception {
            assertThat(send(post("api/plainBody", "{\"item\":\"cup\"}")).body()).isEqualTo("cup");
        }

        @Test
        void bytesArriveUntouched() throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(host.baseUri().resolve("api/bytes"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{0, 1, 2, (byte) 255})).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("received 4 bytes");
        }

        @Test
        void bodyOverTheLimitIs413() throws Exception {
            HttpResponse<String> response = send(post("api/bytes", "x".repeat(5000)));
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("FUNCTIONS_REQUEST_BODY_SIZE_LIMIT");
        }

        @Test
        void bodyAtTheLimitIsAccepted() throws Exception {
            assertThat(send(post("api/bytes", "x".repeat(4096))).body()).isEqualTo("received 4096 bytes");
        }
    }

    @Nested
    class Responses {
        @Test
        void everyInvocationHasATraceContextAndARetryContextAsInTheWorker() throws Exception {
            String fresh = send(get("api/traced")).body();
            assertThat(fresh).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01 state= retry=0/0 previous=''");

            String caller = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
            String continued = send(get("api/traced").header("traceparent", caller).header("tracestate", "vendor=1")).body();
            assertThat(continued).as("the caller's trace goes on, in a span of the invocation's own")
                    .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").doesNotContain("00f067aa0ba902b7")
                    .contains("state=vendor=1");

            String broken = send(get("api/traced").header("traceparent", "not-a-trace")).body();
            assertThat(broken).as("an invalid traceparent starts a new trace").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01 state= .*");
        }

        @Test
        void headersOfAResponseTheAppMadeItselfAreKept() throws Exception {
            HttpResponse<String> listed = send(get("api/ownListed"));
            assertThat(listed.statusCode()).isEqualTo(201);
            assertThat(listed.headers().firstValue("X-Own")).hasValue("listed");
            assertThat(listed.headers().firstValue("Content-Type")).hasValue("application/json");
            HttpResponse<String> lookup = send(get("api/ownLookup"));
            assertThat(lookup.statusCode()).isEqualTo(303);
            assertThat(lookup.headers().firstValue("Location")).hasValue("/api/elsewhere");
        }

        @Test
        void voidFunctionAnswers200WithNoBody() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(host.baseUri().resolve("api/nothing")).DELETE());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void httpOutputBindingCarriesTheResponse() throws Exception {
            HttpResponse<String> response = send(get("api/viaOutput"));
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.body()).isEqualTo("set through an output binding");
        }

        @Test
        void throwingFunctionIs500WithEmptyBodyAndTheStackIsLoggedWithTheInvocationId() throws Exception {
            HttpResponse<String> response = send(get("api/fails"));
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEmpty();
            String executed = logLines.stream().filter(l -> l.contains("Executed 'Functions.fails' (Failed")).findFirst().orElseThrow();
            String id = executed.replaceAll(".*Id=([0-9a-f-]+).*", "$1");
            assertThat(logLines).anySatisfy(line -> assertThat(line)
                    .contains("Exception while executing function: Functions.fails (Id=" + id + ")")
                    .contains("IllegalStateException: boom from the function"));
        }

        @Test
        void everyCallIsLoggedAsExecutingThenExecuted() throws Exception {
            send(get("api/hello?name=Log"));
            assertThat(logLines).anySatisfy(line -> assertThat(line).matches(
                    "\\[.*] Executing 'Functions.hello' \\(Reason='.+', Id=[0-9a-f-]{36}\\)"));
            assertThat(logLines).anySatisfy(line -> assertThat(line).matches(
                    "\\[.*] Executed 'Functions.hello' \\(Succeeded, Id=[0-9a-f-]{36}, Duration=\\d+ms\\)"));
            assertThat(logLines).anySatisfy(line -> assertThat(line).contains("Saying hello for invocation "));
        }

        @Test
        void aResponseTheHostCannotSendIs500WithAReasonInTheLog() throws Exception {
            HttpResponse<String> response = send(get("api/oddStatus"));
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEmpty();
            assertThat(logLines).anySatisfy(line -> assertThat(line).contains("status 99 is not an HTTP status"));
        }

        @Test
        void eachCallGetsANewInstance() throws Exception {
            int first = Integer.parseInt(send(get("api/instance")).body());
            int second = Integer.parseInt(send(get("api/instance")).body());
            assertThat(second).isGreaterThan(first);
        }

        @Test
        void functionRunsWithItsOwnClassLoaderAsContextLoader() throws Exception {
            assertThat(send(get("api/loader")).body()).isEqualTo("true");
        }
    }

    @Nested
    class Keys {
        @Test
        void functionLevelNeedsAKey() throws Exception {
            HttpResponse<String> response = send(get("api/secret"));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("x-functions-key");
        }

        @Test
        void wrongKeyIs401() throws Exception {
            assertThat(send(get("api/secret").header("x-functions-key", "guess")).statusCode()).isEqualTo(401);
        }

        @Test
        void keyInHeaderOrQueryOpensIt() throws Exception {
            assertThat(send(get("api/secret").header("x-functions-key", "the-function-key")).statusCode()).isEqualTo(200);
            assertThat(send(get("api/secret?code=the-function-key")).statusCode()).isEqualTo(200);
        }

        @Test
        void masterKeyOpensEverything() throws Exception {
            assertThat(send(get("api/secret?code=the-master-key")).statusCode()).isEqualTo(200);
            assertThat(send(get("api/adminOnly?code=the-master-key")).statusCode()).isEqualTo(200);
        }

        @Test
        void adminLevelRefusesTheFunctionKey() throws Exception {
            assertThat(send(get("api/adminOnly?code=the-function-key")).statusCode()).isEqualTo(401);
        }

        @Test
        void anonymousNeedsNoKey() throws Exception {
            assertThat(send(get("api/hello")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void startUpListsEachFunctionWithItsMethodsAndUrl() {
        assertThat(logLines).contains("\thello: [GET,POST] http://localhost:" + host.port() + "/api/hello");
        assertThat(logLines).contains("\titems: [GET] http://localhost:" + host.port() + "/api/items/{id:int}/{label?}");
        assertThat(logLines).contains("Function key: the-function-key");
    }

    @Test
    void charactersThatBrowsersSendUnencodedInAQueryReachTheFunction() throws Exception {
        String answer = RawHttp.exchange(host.port(), "GET /api/headers?tag=a|b^{\"x\":1}%7C\\ HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Trace: t\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200").endsWith("t|null|a|b^{\"x\":1}|\\|false");
    }

    @Test
    void dotSegmentsAreResolvedBeforeRoutingAndNeverBecomeRouteValues() throws Exception {
        String viaDots = RawHttp.exchange(host.port(), "GET /api/nothing/../hello?name=Dot HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");
        assertThat(viaDots).startsWith("HTTP/1.1 200").contains("Dot");
        String encoded = RawHttp.exchange(host.port(), "GET /api/items/%2e%2e/label HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");
        assertThat(encoded).as("an encoded '..' is refused as ambiguous, never an item id").startsWith("HTTP/1.1 400");
        String above = RawHttp.exchange(host.port(), "GET /api/../../hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(above).startsWith("HTTP/1.1 400");
    }

    @Test
    void malformedRequestLineGetsA4xxNotA500() throws Exception {
        String answer = RawHttp.exchange(host.port(), "GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
    }

    static URI uri(String path) {
        return host.baseUri().resolve(path);
    }
}
