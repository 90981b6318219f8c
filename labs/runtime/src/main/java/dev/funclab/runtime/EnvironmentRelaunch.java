package dev.funclab.runtime;

import java.lang.management.ManagementFactory;
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

    static boolean isNeeded(Map<String, String> values) {
        Map<String, String> env = System.getenv();
        return !env.containsKey(MARKER) && values.keySet().stream().anyMatch(name -> !env.containsKey(name));
    }

    static int run(Map<String, String> values) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(ProcessHandle.current().info().arguments().map(EnvironmentRelaunch::programArguments).orElseThrow()));
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
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        }, "host-child-shutdown"));
        return child.waitFor();
    }

    /** The arguments after the main class (or jar) in this JVM's own command line. */
    private static String[] programArguments(String[] all) {
        for (int i = 0; i < all.length; i++) {
            if (all[i].equals(Main.class.getName()) || (i > 0 && all[i - 1].equals("-jar"))) {
                return java.util.Arrays.copyOfRange(all, i + 1, all.length);
            }
        }
        throw new IllegalStateException("cannot find the program arguments in " + String.join(" ", all));
    }
}
