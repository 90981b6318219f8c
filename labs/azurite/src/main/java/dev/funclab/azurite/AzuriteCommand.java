package dev.funclab.azurite;

import java.util.concurrent.CountDownLatch;

/**
 * {@code scripts/azurite}: Azurite on the default ports 10000-10002, data kept between runs, until
 * Ctrl-C. What {@code UseDevelopmentStorage=true} and Azure Storage Explorer expect.
 */
public final class AzuriteCommand {

    private AzuriteCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        var environment = System.getenv();
        if (args.length > 0 && args[0].equals("--install-only")) {
            // scripts/prepare: install now, so that the labs later run without the npm registry.
            try {
                System.out.println("Azurite is installed in " + NpmAzurite.install(Azurite.cacheFolder(environment), System.out::println));
            } catch (RuntimeException e) {
                System.err.println("error: " + e.getMessage());
                System.exit(2);
            }
            return;
        }
        if (Probes.system(environment).defaultPortsAnswer()) {
            System.out.println("Azurite (or another storage emulator) already answers on ports 10000-10002. Nothing to do.");
            return;
        }
        StorageEmulator azurite;
        try {
            azurite = Azurite.startOnDefaultPorts(Azurite.cacheFolder(environment).resolve("azurite-data"), environment,
                    System.out::println);
        } catch (AzuriteUnavailableException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(azurite.description());
        System.out.println("Connection string: UseDevelopmentStorage=true (or " + azurite.connectionString() + ")");
        System.out.println("Data is kept in " + Azurite.cacheFolder(environment).resolve("azurite-data") + ". Press Ctrl-C to stop.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            azurite.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
