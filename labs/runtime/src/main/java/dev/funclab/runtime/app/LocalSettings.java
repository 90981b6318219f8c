package dev.funclab.runtime.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.convert.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code local.settings.json}: the app settings ({@code Values}), the local port ({@code Host.LocalHttpPort})
 * and the origins web pages may call from ({@code Host.CORS}, {@code Host.CORSCredentials}).
 */
public record LocalSettings(Map<String, String> values, OptionalInt localHttpPort, String cors, boolean corsCredentials) {

    public static LocalSettings read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new LocalSettings(Map.of(), OptionalInt.empty(), "", false);
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
        JsonNode host = root.path("Host");
        JsonNode port = host.path("LocalHttpPort");
        return new LocalSettings(Map.copyOf(values), port.canConvertToInt() ? OptionalInt.of(port.asInt()) : OptionalInt.empty(),
                host.path("CORS").asText(""), host.path("CORSCredentials").asBoolean(false));
    }
}
