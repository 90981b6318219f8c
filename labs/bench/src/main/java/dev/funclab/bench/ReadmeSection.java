package dev.funclab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** The README's performance section, between two markers, rewritten from a real run. */
final class ReadmeSection {

    static final String START = "<!-- bench results: written by scripts/bench --update-readme -->";
    static final String END = "<!-- end of bench results -->";

    private ReadmeSection() {
    }

    static void replace(Path readme, String table, Map<String, String> machine, boolean quick) throws IOException {
        String text = Files.readString(readme);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(readme + " has no performance section between '" + START + "' and '" + END + "'");
        }
        String section = START + "\n\nMeasured " + LocalDate.now(ZoneOffset.UTC) + (quick ? " (short run)" : "") + " on "
                + machine.get("summary") + " (" + machine.get("os") + ", " + machine.get("java") + "), "
                + "every figure the median of its rounds (min-max beside it):\n\n" + table + "\n";
        Files.writeString(readme, text.substring(0, start) + section + text.substring(end));
    }
}
