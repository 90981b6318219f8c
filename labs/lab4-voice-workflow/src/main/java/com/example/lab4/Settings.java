package com.example.lab4;

/** App settings: environment variables in Azure, and under the kit's host (from local.settings.json). */
final class Settings {

    private Settings() {
    }

    /** The setting's value; a missing setting fails the call with the name to add. */
    static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The app setting " + name + " is not set. Add it to Values in "
                    + "local.settings.json (or to the function app's settings in Azure).");
        }
        return value;
    }

    /** The setting's value, or {@code fallback} when it is not set. */
    static String optional(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
