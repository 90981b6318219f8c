package dev.funclab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Runs a whole command for a benchmark that times one, its output kept in a file and some lines shown as progress. */
final class CommandRun {

    private CommandRun() {
    }

    /**
     * @param progress gets each output line, to show the ones worth showing
     * @return the seconds the command took
     * @throws IllegalStateException when it fails, with the end of its output
     */
    static double time(List<String> command, Path folder, Path log, Consumer<String> progress) throws IOException,
            InterruptedException {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var out = Files.newBufferedWriter(log)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.write(line);
                out.newLine();
                progress.accept(line);
            }
        }
        int status = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (status != 0) {
            List<String> all = Files.readAllLines(log);
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + status + "); its last lines:\n  "
                    + String.join("\n  ", all.subList(Math.max(0, all.size() - 30), all.size())) + "\n(all of it: " + log + ")");
        }
        return seconds;
    }
}
