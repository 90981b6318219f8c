package dev.funclab.runtime.http;

import com.microsoft.azure.functions.HttpMethod;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the parts of a Jetty request the way the Azure host hands them to a function: path segments,
 * method, headers, query, key and body. Whatever a client can get wrong here is a {@link BadRequest}.
 */
final class RequestParts {

    private RequestParts() {
    }

    /** Percent-decoded path segments, split before decoding; ';' is an ordinary character here. */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String part : (rawPath == null ? "" : rawPath).split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String segment;
            try {
                segment = URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, "The path segment '" + part + "' is not valid percent-encoding.");
            }
            // Dot segments (plain or percent-encoded) are resolved, never handed to a route as values.
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new BadRequest(400, "The path climbs above the root with '..'.");
                }
                segments.remove(segments.size() - 1);
            } else if (!segment.equals(".")) {
                segments.add(segment);
            }
        }
        return segments;
    }

    /** The library's method, or null for one it does not know (PROPFIND...): no function answers it. */
    static HttpMethod methodOf(String name) {
        try {
            return HttpMethod.value(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Header names lower-cased, as the Azure host sends them; the map itself is case-sensitive, as in Azure. */
    static Map<String, String> headers(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getName().toLowerCase(Locale.ROOT), field.getValue(), (a, b) -> a + "," + b);
        }
        return Collections.unmodifiableMap(headers);
    }

    static Fields queryFields(Request request) {
        try {
            return Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw new BadRequest(400, "The query string is not valid: " + e.getMessage());
        }
    }

    /**
     * Query values as Azure hands them to Java: empty values left out, repeated values joined with
     * commas (or only the last one, for binding data). Keys keep their case.
     */
    static Map<String, String> queryValues(Fields fields, boolean lastOnly) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            List<String> values = field.getValues().stream().filter(v -> v != null && !v.isEmpty()).toList();
            if (!values.isEmpty()) {
                query.put(field.getName(), lastOnly ? values.get(values.size() - 1) : String.join(",", values));
            }
        }
        return Collections.unmodifiableMap(query);
    }

    /** The key the caller sent: the {@code x-functions-key} header first, else the {@code code} query value. */
    static String presentedKey(Map<String, String> headers, Map<String, String> query) {
        String header = headers.get("x-functions-key");
        return header != null ? header : query.get("code");
    }

    /**
     * The request's URI for {@code getUri()}. Browsers send some characters unencoded ({@code ?q=a|b},
     * {@code ?f={"x":1}}) that {@link URI} refuses: those are percent-encoded here, nothing else changes.
     */
    static URI uri(String target) {
        return URI.create(encodeIllegal(target));
    }

    /** Percent-encodes what a URI may not hold as is (spaces, {@code " < > \ ^ ` { | }}, non-ASCII, a lone %). */
    static String encodeIllegal(String uri) {
        if (isLegal(uri)) {
            return uri; // nearly every request: nothing to copy
        }
        StringBuilder safe = new StringBuilder(uri.length());
        byte[] bytes = uri.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean escape = b <= 0x20 || b >= 0x7f || "\"<>\\^`{|}".indexOf(b) >= 0
                    || (b == '%' && !(i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])));
            if (escape) {
                safe.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            } else {
                safe.append((char) b);
            }
        }
        return safe.toString();
    }

    private static boolean isLegal(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0
                    || (c == '%' && !(i + 2 < uri.length() && Character.digit(uri.charAt(i + 1), 16) >= 0
                    && Character.digit(uri.charAt(i + 2), 16) >= 0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
