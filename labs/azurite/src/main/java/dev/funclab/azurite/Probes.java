package dev.funclab.azurite;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the machine offers: a Docker engine, an Azurite already running, Node.js with npm. */
public interface Probes {

    boolean dockerAnswers();

    boolean defaultPortsAnswer();

    /** The Node.js version when both {@code node} and {@code npm} run, else empty. */
    Optional<String> nodeVersion();

    /** The real machine. */
    static Probes system(Map<String, String> environment) {
        return new Probes() {
            @Override
            public boolean dockerAnswers() {
                // Ask Testcontainers only when there is a hint of an engine: it is slow to say no.
                boolean hint = environment.containsKey("DOCKER_HOST")
                        || Files.exists(Path.of("/var/run/docker.sock"))
                        || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                        || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
                return hint && DockerAzurite.engineAnswers();
            }

            @Override
            public boolean defaultPortsAnswer() {
                return List.of(DevelopmentStorage.DEFAULT_BLOB_PORT, DevelopmentStorage.DEFAULT_QUEUE_PORT,
                        DevelopmentStorage.DEFAULT_TABLE_PORT).stream().allMatch(Probes::listening);
            }

            @Override
            public Optional<String> nodeVersion() {
                Optional<String> node = Commands.output(List.of("node", "--version"));
                return node.isPresent() && Commands.output(List.of(Commands.npm(), "--version")).isPresent() ? node : Optional.empty();
            }
        };
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Small helpers for running tools. */
    final class Commands {
        private Commands() {
        }

        static String npm() {
            return System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm";
        }

        /** What the command prints (out and err together, trimmed) when it exits with 0 within 30 s, else empty. */
        public static Optional<String> output(List<String> command) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(process.getInputStream().readAllBytes()).trim();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return Optional.empty();
                }
                return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
