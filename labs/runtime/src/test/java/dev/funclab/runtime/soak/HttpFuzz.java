package dev.funclab.runtime.soak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Requests a careless or hostile client sends, over raw sockets so that even malformed ones reach the
 * host: bad JSON, huge and truncated bodies, bad routes and keys, odd methods and encodings. A 500 is
 * allowed only where a function asked for it (it throws, or its body cannot be bound, as in Azure);
 * any other 5xx, or no answer at all to a request that was whole, is a finding.
 */
final class HttpFuzz {

    /** One kind of request; {@code functionMay500} when a 500 is the function's own doing. */
    private record Case(String name, boolean functionMay500, boolean whole, Function<Random, byte[]> request) {
    }

    record Result(int requests, Map<String, Integer> statuses, List<String> findings) {
    }

    private final String host;
    private final int port;
    private final String key;
    private final List<Case> cases = new ArrayList<>();

    HttpFuzz(String host, int port, String key) {
        this.host = host;
        this.port = port;
        this.key = key;
        define();
    }

    private void define() {
        String k = "?code=" + key;
        json("bad JSON", random -> List.of("{", "{\"item\": }", "[1,2", "nul", "{\"item\": \"pen\"} trailing",
                "{\"quantity\": \"many\"}").get(random.nextInt(6)), true);
        json("random bytes as JSON", random -> new String(bytes(random, 64), StandardCharsets.ISO_8859_1), true);
        json("JSON nested 100,000 deep", random -> "[".repeat(100_000), true);
        json("a valid order", random -> "{\"item\": \"pen\", \"quantity\": " + random.nextInt() + "}", false);
        add("a body over the 100 MB limit, declared", false, true, random -> raw("POST /api/echo" + k + " HTTP/1.1",
                "Content-Length: 200000000", "", ""));
        add("5 MB of text to a JSON function", true, true, random -> request("POST", "/api/echo" + k,
                "x".repeat(5_000_000).getBytes(StandardCharsets.US_ASCII), "Content-Type: application/json"));
        add("a body shorter than its Content-Length", false, false, random -> raw("POST /api/echo" + k + " HTTP/1.1",
                "Content-Length: 1000", "", "{\"item\""));
        add("chunked with a bad chunk size", false, true, random -> raw("POST /api/echo" + k + " HTTP/1.1",
                "Transfer-Encoding: chunked", "", "zz", "hello", "0", ""));
        add("two Content-Lengths", false, true, random -> raw("POST /api/echo" + k + " HTTP/1.1", "Content-Length: 2",
                "Content-Length: 3", "", "{}"));
        add("no Host header", false, true, random -> ("GET /api/items/1 HTTP/1.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        add("HTTP/1.0", false, true, random -> "GET /api/items/3 HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (String path : List.of("/api/items/abc", "/api/items/99999999999999999999", "/api/items/-0", "/api/../admin/host/status",
                "/api/%zz", "/api/items/%00", "//api//items//7", "/api/boom/../items/7/../8", "/api/" + "a".repeat(10_000),
                "/nowhere", "/api/items/7?x=%ff%fe&y={\"a\":|}", "/admin/functions/soakQueue", "/admin/host/keys")) {
            add("route " + abbreviate(path), false, true, random -> request("GET", path, new byte[0]));
        }
        for (String method : List.of("PROPFIND", "TRACE", "get", "CONNECT", "OPTIONS", "PATCH", "DELETE", "HEAD", "BREW")) {
            add("method " + method, false, true, random -> request(method, "/api/items/7", new byte[0]));
        }
        add("no key", false, true, random -> request("POST", "/api/echo", "{}".getBytes(StandardCharsets.US_ASCII)));
        add("a wrong key", false, true, random -> request("POST", "/api/echo?code=" + Long.toHexString(random.nextLong()),
                "{}".getBytes(StandardCharsets.US_ASCII)));
        add("an empty code", false, true, random -> request("POST", "/api/echo?code=", "{}".getBytes(StandardCharsets.US_ASCII)));
        add("a key header of 8 KB", false, true, random -> request("POST", "/api/echo", new byte[0],
                "x-functions-key: " + "k".repeat(8_192)));
        add("UTF-16 declared, UTF-8 sent", true, true, random -> request("POST", "/api/echo" + k,
                "{\"item\": \"펜\"}".getBytes(StandardCharsets.UTF_8), "Content-Type: application/json; charset=utf-16"));
        add("invalid UTF-8 in JSON", true, true, random -> request("POST", "/api/echo" + k,
                new byte[]{'{', '"', 'i', 't', 'e', 'm', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}));
        add("gzip declared, plain sent", true, true, random -> request("POST", "/api/echo" + k,
                "{\"item\": \"pen\"}".getBytes(StandardCharsets.US_ASCII), "Content-Encoding: gzip"));
        add("raw bytes in a header", false, true, random -> request("GET", "/api/items/5", new byte[0],
                "X-Odd: " + new String(new byte[]{(byte) 0xc3, (byte) 0x28, 1, 127}, StandardCharsets.ISO_8859_1)));
        add("500 header lines", false, true, random -> {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                lines.add("X-H" + i + ": " + i);
            }
            return request("GET", "/api/items/5", new byte[0], lines.toArray(String[]::new));
        });
        add("a function that throws", true, true, random -> request("GET", "/api/boom", new byte[0]));
    }

    private void json(String name, Function<Random, String> body, boolean functionMay500) {
        add(name, functionMay500, true, random -> request("POST", "/api/echo?code=" + key,
                body.apply(random).getBytes(StandardCharsets.ISO_8859_1), "Content-Type: application/json"));
    }

    private void add(String name, boolean functionMay500, boolean whole, Function<Random, byte[]> request) {
        cases.add(new Case(name, functionMay500, whole, request));
    }

    /** Sends every case {@code rounds} times (with fresh random parts) and judges the answers. */
    Result run(int rounds, long seed) {
        Random random = new Random(seed);
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> findings = new ArrayList<>();
        int requests = 0;
        for (int round = 0; round < rounds; round++) {
            for (Case fuzz : cases) {
                requests++;
                String status = send(fuzz, fuzz.request().apply(random));
                statuses.merge(status, 1, Integer::sum);
                boolean serverError = status.startsWith("5");
                if ((serverError && !(status.equals("500") && fuzz.functionMay500()))
                        || (fuzz.whole() && status.equals("no answer"))) {
                    findings.add(fuzz.name() + ": " + status);
                }
            }
        }
        return new Result(requests, statuses, findings);
    }

    /** The status code the host answered with, or what happened instead. */
    private String send(Case fuzz, byte[] request) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (!fuzz.whole()) {
                    socket.shutdownOutput(); // the client gives up half-way
                }
            } catch (IOException refusedEarly) {
                // The host may answer (413, 431) and close before all was sent: read what it said.
            }
            return statusOf(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return "no answer";
        } catch (IOException e) {
            return "connection " + (e.getMessage() == null ? "failed" : e.getMessage().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static String statusOf(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n' && line.size() < 200) {
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1).trim();
        String[] parts = text.split(" ");
        return parts.length >= 2 && parts[0].startsWith("HTTP/") ? parts[1] : text.isEmpty() ? "closed without answer" : "garbled";
    }

    private byte[] request(String method, String path, byte[] body, String... headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + "Connection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (body.length > 0 || method.equals("POST")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private byte[] raw(String... lines) {
        List<String> all = new ArrayList<>(List.of(lines));
        all.add(1, "Host: " + host + ":" + port);
        all.add(2, "Connection: close");
        return String.join("\r\n", all).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String abbreviate(String text) {
        return text.length() <= 50 ? text : text.substring(0, 47) + "...";
    }
}
