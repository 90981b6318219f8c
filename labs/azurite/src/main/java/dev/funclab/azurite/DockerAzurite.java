package dev.funclab.azurite;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.azure.AzuriteContainer;

/** Azurite in a container, through Testcontainers, which also removes it when the JVM ends. */
final class DockerAzurite implements StorageEmulator {

    /** The Azurite image, pinned; {@code FUNCLAB_AZURITE_IMAGE} picks another. */
    static final String IMAGE = "mcr.microsoft.com/azure-storage/azurite:3.35.0";

    private final AzuriteContainer container;

    private DockerAzurite(AzuriteContainer container) {
        this.container = container;
    }

    static boolean engineAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static DockerAzurite start(String image) {
        AzuriteContainer container = new AzuriteContainer(image == null || image.isBlank() ? IMAGE : image)
                .withCommand("azurite", "--blobHost", "0.0.0.0", "--queueHost", "0.0.0.0", "--tableHost", "0.0.0.0",
                        "--inMemoryPersistence", "--skipApiVersionCheck", "--loose");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new AzuriteUnavailableException("Docker answered, but Azurite did not start in it: " + e.getMessage()
                    + ". Unset DOCKER_HOST to use Azurite from npm instead.", e);
        }
        return new DockerAzurite(container);
    }

    @Override
    public String connectionString() {
        return container.getConnectionString();
    }

    @Override
    public String description() {
        return "Azurite in Docker (" + container.getDockerImageName() + ")";
    }

    @Override
    public void close() {
        container.close();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    @Override
    public boolean inMemory() {
        return true;
    }
}
