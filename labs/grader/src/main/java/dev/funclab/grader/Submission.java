package dev.funclab.grader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A student's copy of the kit as handed in: a folder, a {@code .zip} or a git bundle. Archives are
 * unpacked into a scratch folder; the copy may sit at the top or a few folders down.
 */
record Submission(String name, Path source) {

    /** Unpacked archives may not grow beyond this: a zip bomb must not fill the disk. */
    private static final long MAX_UNPACKED_BYTES = 1L << 30;

    static Submission of(Path source) {
        String file = source.getFileName().toString();
        return new Submission(file.replaceFirst("\\.(zip|bundle)$", ""), source);
    }

    /** Folders, zips and bundles, but not the grader's own output or hidden files ({@code _grades}, {@code .git}). */
    static boolean isOne(Path path) {
        String file = path.getFileName().toString();
        if (file.startsWith("_") || file.startsWith(".")) {
            return false;
        }
        return Files.isDirectory(path) || file.endsWith(".zip") || file.endsWith(".bundle");
    }

    /**
     * The copy's root, the folder that holds {@code labs/}, unpacking into {@code scratch} first if
     * needed; empty when there is none.
     */
    private static boolean insideBuildOutput(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }

    Optional<Path> root(Path scratch) throws IOException {
        Path unpacked = source;
        String file = source.getFileName().toString();
        if (file.endsWith(".zip") && Files.isRegularFile(source)) {
            unpacked = scratch.resolve("unpacked");
            unzip(source, unpacked);
        } else if (file.endsWith(".bundle") && Files.isRegularFile(source)) {
            unpacked = scratch.resolve("unpacked");
            cloneBundle(source, unpacked);
        }
        if (!Files.isDirectory(unpacked)) {
            return Optional.empty();
        }
        // A labs/ folder inside build output does not count; the submission itself may well sit under a target/.
        Path top = unpacked;
        try (Stream<Path> found = Files.find(unpacked, 4, (path, attributes) -> attributes.isDirectory()
                && path.getFileName().toString().equals("labs") && !insideBuildOutput(top.relativize(path)))) {
            return found.sorted((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount())).findFirst().map(Path::getParent);
        }
    }

    static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException(zip.getFileName() + " holds an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                total += copyLimited(in, target, MAX_UNPACKED_BYTES - total);
            }
        }
    }

    private static long copyLimited(InputStream in, Path target, long allowed) throws IOException {
        try (var out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long copied = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                copied += read;
                if (copied > allowed) {
                    throw new IOException("unpacks to more than " + (MAX_UNPACKED_BYTES >> 20) + " MB");
                }
                out.write(buffer, 0, read);
            }
            return copied;
        }
    }

    private static void cloneBundle(Path bundle, Path into) throws IOException {
        Process git = new ProcessBuilder("git", "clone", "-q", bundle.toString(), into.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!git.waitFor(2, TimeUnit.MINUTES)) {
                git.destroyForcibly();
                throw new IOException("git clone of " + bundle.getFileName() + " took over 2 minutes");
            }
        } catch (InterruptedException e) {
            git.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while cloning " + bundle.getFileName(), e);
        }
        if (git.exitValue() != 0) {
            throw new IOException("git could not clone " + bundle.getFileName() + " (is it a git bundle? exit " + git.exitValue() + ")");
        }
    }
}
