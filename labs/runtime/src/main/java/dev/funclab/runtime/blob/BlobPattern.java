package dev.funclab.runtime.blob;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A blob trigger's path, such as {@code card-input/{filename}.jpg}: a container, then a blob-name
 * pattern whose {@code {parts}} become binding data. A part may span virtual folders, as in Azure.
 */
record BlobPattern(String container, String prefix, Pattern regex, List<String> parts) {

    private static final Pattern PART = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /**
     * @throws IllegalArgumentException with the reason when the path cannot be a trigger path
     */
    static BlobPattern parse(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String container = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String blob = slash < 0 ? "{name}" : trimmed.substring(slash + 1);
        if (container.contains("{")) {
            throw new IllegalArgumentException("the container of a blob trigger path cannot be an expression: '" + path + "'");
        }
        if (blob.isEmpty()) {
            blob = "{name}";
        }
        Matcher matcher = PART.matcher(blob);
        StringBuilder regex = new StringBuilder();
        List<String> parts = new ArrayList<>();
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(blob.substring(last, matcher.start()))).append("(.+)");
            parts.add(matcher.group(1));
            last = matcher.end();
        }
        regex.append(Pattern.quote(blob.substring(last)));
        if (blob.substring(last).contains("{") || blob.substring(last).contains("}")) {
            throw new IllegalArgumentException("'" + path + "' has a '{' or '}' that is not a {name} part");
        }
        int firstPart = blob.indexOf('{');
        String prefix = firstPart < 0 ? blob : blob.substring(0, firstPart);
        return new BlobPattern(container, prefix, Pattern.compile(regex.toString()), List.copyOf(parts));
    }

    /** The parts, when {@code blobName} matches. */
    Optional<Map<String, String>> match(String blobName) {
        Matcher matcher = regex.matcher(blobName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            values.put(parts.get(i), matcher.group(i + 1));
        }
        return Optional.of(values);
    }
}
