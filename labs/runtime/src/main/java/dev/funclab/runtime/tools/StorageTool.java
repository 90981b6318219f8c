package dev.funclab.runtime.tools;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.azure.storage.queue.models.PeekedMessageItem;
import dev.funclab.azurite.AzuriteSelection;
import dev.funclab.azurite.DevelopmentStorage;
import dev.funclab.runtime.storage.BlobPath;
import dev.funclab.runtime.storage.StorageReset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;

/**
 * {@code scripts/storage}: a small Storage Explorer for the terminal, speaking to the storage the
 * host uses ({@code FUNCLAB_STORAGE}, else Azurite on its default ports): blobs, queue messages
 * (base64, as Functions expects) and table rows.
 */
@Command(name = "storage", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        description = "Upload, download, list and describe blobs, send and peek queue messages, show table rows "
                + "(Azurite on ports 10000-10002, or the connection string in FUNCLAB_STORAGE).",
        subcommands = {StorageTool.Upload.class, StorageTool.Download.class, StorageTool.ListBlobs.class,
                StorageTool.Info.class, StorageTool.Send.class, StorageTool.Peek.class, TableRows.class,
                StorageTool.Reset.class, CommandLine.HelpCommand.class})
public final class StorageTool {

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new StorageTool());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            if (!(e instanceof IllegalArgumentException)) {
                cmd.getErr().println("Is Azurite running? Start it with scripts/azurite (or scripts/run <lab>).");
            }
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    static String connectionString() {
        String override = System.getenv(AzuriteSelection.OVERRIDE_VARIABLE);
        if (override == null || override.isBlank() || DevelopmentStorage.isShorthand(override)) {
            return DevelopmentStorage.defaultConnectionString();
        }
        return override;
    }

    static BlobContainerClient container(String name) {
        return new BlobServiceClientBuilder().connectionString(connectionString()).buildClient().getBlobContainerClient(name);
    }

    static QueueClient queue(String name) {
        return new QueueServiceClientBuilder().connectionString(connectionString()).buildClient().getQueueClient(name);
    }

    /** The blob's content, or null after saying on stderr that there is no such blob. */
    private static byte[] contentOf(BlobPath blob) {
        var client = container(blob.container()).getBlobClient(blob.blob());
        if (!client.exists()) {
            System.err.println("error: there is no blob " + blob + " (scripts/storage list " + blob.container() + " shows what is there)");
            return null;
        }
        return client.downloadContent().toBytes();
    }

    @Command(name = "upload", description = "Uploads a file as a blob, creating the container.")
    static final class Upload implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CONTAINER/BLOB") String path;
        @Parameters(index = "1", paramLabel = "FILE") Path file;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                System.err.println("error: there is no file " + file);
                return 1;
            }
            BlobPath blob = BlobPath.parse(path);
            BlobContainerClient container = container(blob.container());
            container.createIfNotExists();
            container.getBlobClient(blob.blob()).upload(BinaryData.fromFile(file), true);
            System.out.println("Uploaded " + file + " to " + blob + " (" + Files.size(file) + " bytes)");
            return 0;
        }
    }

    @Command(name = "download", description = "Downloads a blob to a file (creating its folder); says the size of a picture.")
    static final class Download implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CONTAINER/BLOB") String path;
        @Parameters(index = "1", paramLabel = "FILE") Path file;

        @Override
        public Integer call() throws Exception {
            BlobPath blob = BlobPath.parse(path);
            byte[] content = contentOf(blob);
            if (content == null) {
                return 1;
            }
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Files.write(file, content);
            System.out.println("Downloaded " + blob + " to " + file + " (" + content.length + " bytes"
                    + ImageFacts.describe(content).map(facts -> ", " + facts).orElse("") + ")");
            return 0;
        }
    }

    @Command(name = "list", description = "Lists the blobs of a container.")
    static final class ListBlobs implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CONTAINER") String name;

        @Override
        public Integer call() {
            BlobContainerClient container = container(name);
            if (!container.exists()) {
                System.out.println("(no container '" + name + "' yet)");
                return 0;
            }
            for (BlobItem item : container.listBlobs()) {
                System.out.printf("%10d  %s%n", item.getProperties().getContentLength(), item.getName());
            }
            return 0;
        }
    }

    @Command(name = "info", description = "Describes a blob: its size and, for a picture, its format, width x height "
            + "and EXIF orientation.")
    static final class Info implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CONTAINER/BLOB") String path;

        @Override
        public Integer call() {
            BlobPath blob = BlobPath.parse(path);
            byte[] content = contentOf(blob);
            if (content == null) {
                return 1;
            }
            System.out.println(blob + ": " + ImageFacts.describe(content).map(facts -> facts + ", ").orElse("not a picture, ")
                    + content.length + " bytes");
            return 0;
        }
    }

    @Command(name = "send", description = "Sends a message to a queue (base64, as Functions expects), creating the queue.")
    static final class Send implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "QUEUE") String name;
        @Parameters(index = "1", paramLabel = "TEXT") String text;

        @Override
        public Integer call() {
            QueueClient queue = queue(name);
            queue.createIfNotExists();
            queue.sendMessage(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
            System.out.println("Sent to " + name + ": " + text);
            return 0;
        }
    }

    @Command(name = "reset", description = "Empties every container, queue and table of the emulator's account, "
            + "so that a lab starts again from nothing (asks first; --yes does not ask).")
    static final class Reset implements Callable<Integer> {
        @CommandLine.Option(names = "--yes", description = "Do not ask.") boolean yes;

        @Override
        public Integer call() {
            if (!yes) {
                java.io.Console console = System.console();
                if (console == null) {
                    throw new IllegalArgumentException("reset empties all of the emulator's storage; add --yes to do it "
                            + "without a question");
                }
                String answer = console.readLine("Empty every container, queue and table of the emulator's storage? [y/N] ");
                if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                    System.out.println("Nothing was changed.");
                    return 0;
                }
            }
            System.out.println(StorageReset.emptyAll(connectionString()).describe());
            return 0;
        }
    }

    @Command(name = "peek", description = "Shows up to 32 messages of a queue without taking them, with how many times "
            + "each has been tried (on a -poison queue: how the messages got there).")
    static final class Peek implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "QUEUE") String name;

        @Override
        public Integer call() {
            QueueClient queue = queue(name);
            // A message on a poison queue is a new copy, made by the host after the original failed
            // maxDequeueCount times: its own dequeue count (0) says nothing about those tries.
            boolean poison = name.endsWith("-poison");
            int count = 0;
            try {
                for (PeekedMessageItem message : queue.peekMessages(32, null, null)) {
                    String text = message.getBody().toString();
                    try {
                        text = new String(Base64.getDecoder().decode(text.strip()), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException notBase64) {
                        text = text + "   (not base64)";
                    }
                    if (poison && count == 0) {
                        System.out.println("Moved here by the host after failing maxDequeueCount times (host.json, 5 by default):");
                    }
                    long tries = message.getDequeueCount();
                    System.out.println((poison ? "[poison] " : "[" + tries + (tries == 1 ? " try] " : " tries] ")) + text);
                    count++;
                }
            } catch (com.azure.storage.queue.models.QueueStorageException e) {
                if (e.getStatusCode() != 404) {
                    throw e;
                }
            }
            if (count == 0) {
                System.out.println("(queue '" + name + "' is empty or does not exist)");
            }
            return 0;
        }
    }
}
