package dev.funclab.runtime.storage;

import java.util.regex.Pattern;

/** Azure Storage's naming rules for queues and containers, checked at start-up with a readable reason. */
public final class Names {

    private static final Pattern QUEUE_OR_CONTAINER = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");

    private Names() {
    }

    /** Null when {@code name} is a valid queue or container name, else why not. */
    public static String problemWith(String kind, String name) {
        if (name.contains("{")) {
            return null; // resolved per invocation; checked when written
        }
        if (!QUEUE_OR_CONTAINER.matcher(name).matches()) {
            return "'" + name + "' is not a valid " + kind + " name: use 3 to 63 lowercase letters, digits and single "
                    + "hyphens, starting and ending with a letter or digit";
        }
        return null;
    }
}
