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

    static int run(Map<String, String> values, String[] arguments) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(arguments));
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
}
