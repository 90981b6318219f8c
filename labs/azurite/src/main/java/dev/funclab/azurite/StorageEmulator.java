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

    /** False once an emulator the kit started has died; one someone else runs counts as running. */
    default boolean isRunning() {
        return true;
    }

    /**
     * Hands its lifetime to the caller: from now on only {@link #close()} stops it, not the JVM's exit, so
     * that a host can finish its work against it before it goes. A killed JVM still takes it along.
     */
    default void keepRunningUntilClosed() {
    }

    /**
     * A new emulator in place of this one, which died: the same ports, so the same connection string, and
     * the same data folder. Data kept in memory is gone.
     *
     * @throws UnsupportedOperationException when the kit did not start this one
     */
    default StorageEmulator restart() {
        throw new UnsupportedOperationException(description() + " was not started by the kit");
    }

    /** True when its data lives only in memory and is lost when it stops. */
    default boolean inMemory() {
        return false;
    }
}
