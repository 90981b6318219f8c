package dev.funclab.azurite;

/** A running Azurite (or one someone else runs): how to reach it, where it came from, how to stop it. */
public interface StorageEmulator extends AutoCloseable {

    /** A full connection string, never the {@code UseDevelopmentStorage=true} shorthand. */
    String connectionString();

    /** One line for the console: what it is and where it listens. */
    String description();

    /** Stops it if the kit started it; does nothing for an emulator someone else runs. */
    @Override
    void close();
}
