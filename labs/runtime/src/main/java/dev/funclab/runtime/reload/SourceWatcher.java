package dev.funclab.runtime.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders (and the folders created in them later) and calls back once a burst of changes is over:
 * an editor's save writes a file in several steps, and a "save all" touches many files at once.
 */
public final class SourceWatcher implements AutoCloseable {

    /** How long the folders must stay quiet before the callback runs. */
    static final long QUIET_MILLIS = 150;

    private final WatchService service;
    private final Thread thread;

    public SourceWatcher(List<Path> folders, Runnable changed) {
        try {
            service = FileSystems.getDefault().newWatchService();
            for (Path folder : folders) {
                if (Files.isDirectory(folder)) {
                    registerTree(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + folders + ": " + e.getMessage(), e);
        }
        thread = new Thread(() -> watch(changed), "source-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path folder) throws IOException {
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path directory : tree.filter(Files::isDirectory).toList()) {
                directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch(Runnable changed) {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean more = true;
                while (more) { // collect the whole burst, then act once
                    handle(key);
                    key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                    more = key != null;
                }
                changed.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // closed
        }
    }

    private void handle(WatchKey key) {
        Path directory = (Path) key.watchable();
        for (var event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
                Path created = directory.resolve(name);
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(created); // a new package
                    } catch (IOException ignored) {
                        // it vanished again
                    }
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException ignored) {
            // closing
        }
        thread.interrupt();
    }
}
