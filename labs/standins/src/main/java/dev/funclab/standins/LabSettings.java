package dev.funclab.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code Values} of a lab's {@code local.settings.json}: the stand-ins take their ports and keys
 * from the same settings the function app reads, so the two always agree.
 */
public final class LabSettings {

    private final Path file;
    private final JsonNode values;

    private LabSettings(Path file, JsonNode values) {
        this.file = file;
        this.values = values;
    }

    /**
     * @throws IllegalStateException naming the file when it is not JSON; a missing file has no settings
     */
    public static LabSettings read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new LabSettings(file, null);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + " as JSON: " + e.getMessage());
        }
        return new LabSettings(file, root == null ? null : root.path("Values"));
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return values != null;
    }

    public Optional<String> get(String name) {
        JsonNode value = values == null ? null : values.get(name);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    /**
     * @throws IllegalStateException naming the file and the setting to add
     */
    public String require(String name, String why) {
        return get(name).orElseThrow(() -> new IllegalStateException((exists() ? file + " has no Values." + name
                : "There is no " + file + "; it must set Values." + name) + ". Add it: " + why));
    }

    /** The port of a setting that holds a URL on this machine ({@code http://localhost:7072}), if it does. */
    public Optional<Integer> localPort(String name) {
        return get(name).map(value -> {
            URI uri;
            try {
                uri = URI.create(value.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Values." + name + " in " + file + " is not a URL: '" + value + "'");
            }
            boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return local ? (uri.getPort() == -1 ? defaultPort : uri.getPort()) : null;
        });
    }
}
