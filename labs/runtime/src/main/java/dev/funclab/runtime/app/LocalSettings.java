package dev.funclab.runtime.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.convert.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/** {@code local.settings.json}: the app settings ({@code Values}) and the local port ({@code Host.LocalHttpPort}). */
public record LocalSettings(Map<String, String> values, OptionalInt localHttpPort) {

    public static LocalSettings read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new LocalSettings(Map.of(), OptionalInt.empty());
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new AppLoadException(file + " is not valid JSON: " + e.getMessage()
                    + ". It should look like {\"IsEncrypted\": false, \"Values\": {\"AzureWebJobsStorage\": \"UseDevelopmentStorage=true\"}}.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        root.path("Values").fields().forEachRemaining(entry -> {
            if (!entry.getValue().isValueNode()) {
                throw new AppLoadException(file + ": Values." + entry.getKey()
                        + " must be a string, number or boolean, not " + entry.getValue().getNodeType());
            }
            values.put(entry.getKey(), entry.getValue().asText());
        });
        JsonNode port = root.path("Host").path("LocalHttpPort");
        return new LocalSettings(Map.copyOf(values), port.canConvertToInt() ? OptionalInt.of(port.asInt()) : OptionalInt.empty());
    }
}
