package dev.funclab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's figures: printed as one table, written as JSON ({@code target/bench/results.json}), and compared
 * with a committed baseline run so that no figure gets worse unnoticed.
 */
public final class Results {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Double> baselineScores = new HashMap<>();

    public void add(List<Figure> more) {
        figures.addAll(more);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** Reads the scores of a committed run ({@code baseline.json}); a figure it lacks is shown as new. */
    public void compareWith(Path baselineRun) throws IOException {
        if (!Files.isRegularFile(baselineRun)) {
            return;
        }
        for (JsonNode figure : JSON.readTree(baselineRun.toFile()).path("figures")) {
            if (figure.path("score").isNumber()) {
                baselineScores.put(figure.path("name").asText(), figure.path("score").asDouble());
            }
        }
    }

    /** Figures that missed their goal; {@code badly}: only those a short CI run fails on. */
    public List<Figure> missed(boolean badly) {
        return figures.stream().filter(f -> badly ? f.goal().badlyMissed(f) : !f.passed()).toList();
    }

    public void print(PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"figure", "ours", "baseline", "ratio", "goal", "result", "vs committed baseline"});
        for (Figure f : figures) {
            rows.add(new String[]{f.name(), Figure.describe(f.ours(), f.unit()), Figure.describe(f.baseline(), f.unit()),
                    Double.isNaN(f.ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", f.ratio()),
                    f.goal().describe(f.unit()), f.goal().kind() == Goal.Kind.NONE ? "" : f.passed() ? "pass" : "FAIL",
                    change(f)});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(String.format("%-" + widths[i] + "s", rows.get(r)[i])).append(i < widths.length - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                out.println("-".repeat(line.toString().stripTrailing().length()));
            }
        }
    }

    /** The table in Markdown, for the README: figure, ours (median, min-max), baseline, ratio, goal, result. */
    public String markdown() {
        StringBuilder table = new StringBuilder("| figure | ours | baseline | ratio | goal | result |\n|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            table.append("| ").append(f.name()).append(" | ").append(Figure.describe(f.ours(), f.unit())).append(" | ")
                    .append(Figure.describe(f.baseline(), f.unit())).append(" | ")
                    .append(Double.isNaN(f.ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", f.ratio())).append(" | ")
                    .append(f.goal().describe(f.unit()).replace(">=", "≥").replace("<=", "≤")).append(" | ")
                    .append(f.goal().kind() == Goal.Kind.NONE ? "" : f.passed() ? "pass" : "**missed**").append(" |\n");
        }
        return table.toString();
    }

    /** How the figure's score moved since the committed baseline: {@code 0.85x (was 0.80x, +6%)}. */
    private String change(Figure figure) {
        double now = score(figure);
        Double before = baselineScores.get(figure.name());
        if (before == null) {
            return "new";
        }
        // A ratio, or a rate, is better higher; a time is better lower.
        double better = figure.baseline() != null || figure.higherIsBetter() ? now / before - 1 : before / now - 1;
        return String.format(Locale.ROOT, "was %s, %s%.0f%%", Figure.number(before), better >= 0 ? "+" : "", better * 100);
    }

    /** The number compared across runs: the ratio where there is a baseline in the run, else the median. */
    static double score(Figure figure) {
        return figure.baseline() != null ? figure.ratio() : figure.ours().median();
    }

    public void write(Path file, Map<String, String> machine) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("measuredAt", Instant.now().toString());
        ObjectNode where = root.putObject("machine");
        machine.forEach(where::put);
        ArrayNode list = root.putArray("figures");
        for (Figure f : figures) {
            ObjectNode node = list.addObject();
            node.put("name", f.name()).put("unit", f.unit()).put("higherIsBetter", f.higherIsBetter());
            samples(node, "ours", f.ours());
            samples(node, "baseline", f.baseline());
            if (!Double.isNaN(f.ratio())) {
                node.put("ratio", f.ratio());
            }
            node.put("score", score(f));
            node.putObject("goal").put("kind", f.goal().kind().name()).put("limit", f.goal().limit());
            node.put("passed", f.passed());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), root);
    }

    private static void samples(ObjectNode node, String field, Samples samples) {
        if (samples == null) {
            return;
        }
        ObjectNode out = node.putObject(field);
        out.put("median", samples.median()).put("min", samples.min()).put("max", samples.max());
        samples.values().forEach(out.putArray("rounds")::add);
    }
}
