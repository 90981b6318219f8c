package dev.funclab.azurite;

import java.util.Locale;

/**
 * Azurite's well-known account, and connection strings that point at it. The key is public:
 * it is the same in every copy of Azurite and of the Azure Storage Emulator.
 */
public final class DevelopmentStorage {

    public static final String ACCOUNT_NAME = "devstoreaccount1";
    public static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    public static final String SHORTHAND = "UseDevelopmentStorage=true";
    public static final int DEFAULT_BLOB_PORT = 10000;
    public static final int DEFAULT_QUEUE_PORT = 10001;
    public static final int DEFAULT_TABLE_PORT = 10002;

    private DevelopmentStorage() {
    }

    /** True for {@code UseDevelopmentStorage=true}, which means "Azurite on the default ports". */
    public static boolean isShorthand(String connectionString) {
        return connectionString != null
                && connectionString.replace(" ", "").toLowerCase(Locale.ROOT).startsWith("usedevelopmentstorage=true");
    }

    /** A full connection string for Azurite listening on {@code host} with the given ports. */
    public static String connectionString(String host, int blobPort, int queuePort, int tablePort) {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT_NAME + ";AccountKey=" + ACCOUNT_KEY
                + ";BlobEndpoint=http://" + host + ":" + blobPort + "/" + ACCOUNT_NAME
                + ";QueueEndpoint=http://" + host + ":" + queuePort + "/" + ACCOUNT_NAME
                + ";TableEndpoint=http://" + host + ":" + tablePort + "/" + ACCOUNT_NAME + ";";
    }

    /** What {@code UseDevelopmentStorage=true} stands for. */
    public static String defaultConnectionString() {
        return connectionString("127.0.0.1", DEFAULT_BLOB_PORT, DEFAULT_QUEUE_PORT, DEFAULT_TABLE_PORT);
    }
}
