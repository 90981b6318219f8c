package dev.funclab.runtime.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.funclab.runtime.convert.Json;
import dev.funclab.runtime.storage.TimeSpans;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The parts of {@code host.json} the host reads; the whole document stays available to bindings. */
public record HostJson(JsonNode root) {

    public static final String DEFAULT_ROUTE_PREFIX = "api";

    public static HostJson read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new HostJson(MissingNode.getInstance());
        }
        try {
            return new HostJson(Json.MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new AppLoadException(file + " is not valid JSON: " + e.getMessage()
                    + ". Fix the file or delete it to use the defaults.");
        }
    }

    /** {@code extensions.http.routePrefix}, {@code api} when absent; may be empty. */
    public String routePrefix() {
        JsonNode prefix = extension("http").path("routePrefix");
        String value = prefix.isTextual() ? prefix.asText() : DEFAULT_ROUTE_PREFIX;
        return value.replaceAll("^/+|/+$", "");
    }

    /** The settings of one extension, for example {@code extension("queues")}; missing when absent. */
    public JsonNode extension(String name) {
        return root.path("extensions").path(name);
    }

    /**
     * {@code functionTimeout}: empty when absent or -1 (no limit).
     *
     * @throws AppLoadException when it is not a time span
     */
    public Optional<Duration> functionTimeout() {
        JsonNode timeout = root.path("functionTimeout");
        if (timeout.isMissingNode() || timeout.isNull() || timeout.asText().strip().equals("-1")) {
            return Optional.empty();
        }
        try {
            return Optional.of(TimeSpans.parse(timeout.asText()));
        } catch (IllegalArgumentException e) {
            throw new AppLoadException("host.json functionTimeout: " + e.getMessage() + ", or -1 for no limit");
        }
    }
}
