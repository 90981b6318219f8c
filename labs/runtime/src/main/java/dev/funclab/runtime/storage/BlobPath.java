package dev.funclab.runtime.storage;

/** {@code container/name/in/container}, split at the first slash. */
public record BlobPath(String container, String blob) {

    /**
     * @throws IllegalArgumentException when there is no container or no blob name
     */
    public static BlobPath parse(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        if (slash <= 0 || slash == trimmed.length() - 1) {
            throw new IllegalArgumentException("'" + path + "' is not a blob path; write it as container/blob-name");
        }
        return new BlobPath(trimmed.substring(0, slash), trimmed.substring(slash + 1));
    }

    @Override
    public String toString() {
        return container + "/" + blob;
    }
}
