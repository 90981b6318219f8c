package dev.funclab.runtime;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the host again in a child JVM whose environment holds the app settings of
 * {@code local.settings.json}, so that functions read them with {@code System.getenv}, as in Azure.
 * Settings already in the environment win, as with Core Tools.
 */
final class EnvironmentRelaunch {

    static final String MARKER = "FUNCLAB_HOST_CHILD";

    private EnvironmentRelaunch() {
    }

    /** True in the child this class started. */
    static boolean isChild() {
        return System.getenv().containsKey(MARKER);
    }

    /** The JVM option that makes a child listen for a debugger on this machine, not stopping at start. */
    static String debugAgent(int port) {
        return "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + port;
    }

    static boolean isNeeded(Map<String, String> values) {
        Map<String, String> env = System.getenv();
        return !env.containsKey(MARKER) && values.keySet().stream().anyMatch(name -> !env.containsKey(name));
    }

    /** Under a debugger the host must stay in this process, or breakpoints would never be hit. */
    static boolean debuggerAttached() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(EnvironmentRelaunch::isAgent);
    }

    private static boolean isAgent(String argument) {
        return argument.startsWith("-agentlib:") || argument.startsWith("-agentpath:")
                || argument.startsWith("-javaagent:") || argument.startsWith("-Xrunjdwp");
    }

    /** @param agent a JVM option for the child only (a debugger agent), or null */
    static int run(Map<String, String> values, String[] arguments, String agent) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !isAgent(a) && !HostJvmArchive.isArchiveOption(a)).forEach(command::add);
        if (agent != null) {
            command.add(agent);
        }
        final HostJvmArchive archive = HostJvmArchive.forClassPath(System.getProperty("java.class.path"), System.getenv());
        if (archive != null) {
            command.addAll(archive.jvmOptions());
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(arguments));
        if (!command.contains(Main.EXIT_WITH_PARENT)) {
            command.add(Main.EXIT_WITH_PARENT);
        }
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        values.forEach(builder.environment()::putIfAbsent);
        builder.environment().put(MARKER, "1");
        Process child;
        try {
            child = builder.start();
        } catch (java.io.IOException e) {
            System.err.println("Error: could not start the host process: " + e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            try {
                // The child's own graceful stop takes up to about 15 s (calls under way, messages put back).
                if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
            // Ctrl-C ends this JVM too: the archive the child wrote as it stopped is put in place here.
            if (archive != null) {
                archive.jvmEnded();
            }
        }, "host-child-shutdown"));
        int status = child.waitFor();
        if (archive != null) {
            archive.jvmEnded();
        }
        return status;
    }
}
