package dev.funclab.testkit;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funclab.runtime.convert.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The grade of a whole copy of the kit: every lab's report ({@code labs/<lab>/target/grades/<lab>.json},
 * written by {@link GradeReportListener}) in one table, and in {@code target/grades/} as
 * {@code grades.json}, {@code grades.md} and Gradescope's {@code results.json}. A lab without a
 * report (it did not compile, or its tests did not run) scores 0 with a note saying so.
 */
public final class GradeBook {

    /** One lab's line in the grade book. */
    public record LabGrade(String lab, int earned, int points, String note, List<GradedTest> tests) {
    }

    private final List<LabGrade> labs;

    private GradeBook(List<LabGrade> labs) {
        this.labs = labs;
    }

    /** Run by the reactor's last module after {@code mvn test}: {@code GradeBook <kit folder>}. */
    public static void main(String[] args) throws IOException {
        Path kit = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        GradeBook book = read(kit);
        book.print(System.out);
        book.write(kit.resolve("target/grades"));
    }

    public static GradeBook read(Path kit) throws IOException {
        List<LabGrade> labs = new ArrayList<>();
        for (Path folder : labFolders(kit)) {
            labs.add(readLab(folder));
        }
        return of(labs);
    }

    public static GradeBook of(List<LabGrade> labs) {
        return new GradeBook(List.copyOf(labs));
    }

    /** The lab folders of a copy of the kit, in order: {@code labs/lab1-...}, {@code labs/lab2-...}, ... */
    public static List<Path> labFolders(Path kit) throws IOException {
        try (Stream<Path> folders = Files.list(kit.resolve("labs"))) {
            return folders.filter(f -> f.getFileName().toString().matches("lab\\d+-.*"))
                    .filter(f -> Files.exists(f.resolve("pom.xml"))).sorted().toList();
        }
    }

    /** A lab's grade from its report, or 0 with a note when it has none. */
    public static LabGrade readLab(Path folder) throws IOException {
        String lab = folder.getFileName().toString();
        Path report = folder.resolve("target/grades/" + lab + ".json");
        if (!Files.exists(report)) {
            return notGraded(lab, "not graded: no report; the lab did not compile or its tests did not run");
        }
        LabReport lr = Json.MAPPER.readValue(report.toFile(), LabReport.class);
        return new LabGrade(lab, lr.earned(), lr.points(), "", lr.tests());
    }

    /** A lab that scores 0 for the reason given. */
    public static LabGrade notGraded(String lab, String note) {
        return new LabGrade(lab, 0, 100, note, List.of());
    }

    public int earned() {
        return labs.stream().mapToInt(LabGrade::earned).sum();
    }

    public int points() {
        return labs.stream().mapToInt(LabGrade::points).sum();
    }

    public List<LabGrade> labs() {
        return labs;
    }

    public void print(PrintStream out) {
        print(out, "target/grades/");
    }

    /** @param where the folder the reports are written to, named under the table */
    public void print(PrintStream out, String where) {
        String rule = "=".repeat(100);
        out.println();
        out.println(rule);
        out.printf("GRADES: %d / %d points%n", earned(), points());
        out.println(rule);
        out.printf("%-24s %-58s %7s  %s%n", "Lab", "Test", "Points", "Result / hint");
        for (LabGrade lab : labs) {
            if (!lab.note().isEmpty()) {
                out.printf("%-24s %-58s %3d/%-3d  %s%n", lab.lab(), "(all)", 0, lab.points(), lab.note());
                continue;
            }
            for (GradedTest test : lab.tests()) {
                out.printf("%-24s %-58s %3d/%-3d  %s%n", lab.lab(), abbreviate(test.name(), 58), test.earned(), test.points(),
                        test.passed() ? "PASS" : "FAIL step " + test.reread() + ": " + abbreviate(firstLine(test.message()), 90));
            }
            out.printf("%-24s %-58s %3d/%-3d%n", lab.lab(), "= lab total", lab.earned(), lab.points());
        }
        out.println(rule);
        out.printf("TOTAL %d / %d   (%s: grades.json, grades.md, results.json)%n", earned(), points(), where);
        out.println();
    }

    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("grades.md"), markdown(), StandardCharsets.UTF_8);
        Files.write(folder.resolve("results.json"), Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(gradescope()));
        // Last and whole (written aside, then moved), so that its presence means the grade was written:
        // the class grader resumes on it.
        Path written = Files.createTempFile(folder, "grades", ".json.part");
        Files.write(written, Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(new Summary(earned(), points(), labs)));
        Files.move(written, folder.resolve("grades.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** grades.json: the total and each lab with its tests. */
    private record Summary(int earned, int points, List<LabGrade> labs) {
    }

    private String markdown() {
        StringBuilder md = new StringBuilder("# Grades: " + earned() + " / " + points() + "\n\n");
        md.append("| lab | test | points | result |\n|---|---|---|---|\n");
        for (LabGrade lab : labs) {
            if (!lab.note().isEmpty()) {
                md.append("| ").append(lab.lab()).append(" | (all) | 0 / ").append(lab.points()).append(" | ").append(lab.note()).append(" |\n");
                continue;
            }
            for (GradedTest test : lab.tests()) {
                md.append("| ").append(lab.lab()).append(" | ").append(cell(test.name())).append(" | ").append(test.earned())
                        .append(" / ").append(test.points()).append(" | ")
                        .append(test.passed() ? "pass" : "fail: step " + test.reread() + ", " + cell(firstLine(test.message())))
                        .append(" |\n");
            }
            md.append("| ").append(lab.lab()).append(" | **total** | **").append(lab.earned()).append(" / ").append(lab.points())
                    .append("** | |\n");
        }
        return md.toString();
    }

    /** Gradescope's autograder format: a score and one entry per test. */
    private ObjectNode gradescope() {
        ObjectNode results = Json.MAPPER.createObjectNode();
        results.put("score", earned());
        results.put("max_score", points());
        ArrayNode tests = results.putArray("tests");
        for (LabGrade lab : labs) {
            if (!lab.note().isEmpty()) {
                ObjectNode entry = tests.addObject();
                entry.put("name", lab.lab());
                entry.put("score", 0);
                entry.put("max_score", lab.points());
                entry.put("status", "failed");
                entry.put("output", lab.note());
                continue;
            }
            for (GradedTest test : lab.tests()) {
                ObjectNode entry = tests.addObject();
                entry.put("name", lab.lab() + ": " + test.name());
                entry.put("score", test.earned());
                entry.put("max_score", test.points());
                entry.put("status", test.passed() ? "passed" : "failed");
                entry.put("output", test.passed() ? "" : test.message());
            }
        }
        return results;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
