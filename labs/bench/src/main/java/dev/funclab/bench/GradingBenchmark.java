package dev.funclab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Grading a class: generated submissions graded by the batch grader, and every grade checked against what was
 * generated. Submission i finishes lab k (the solution's {@code src/main}) unless bit k of i is set, so that every
 * mix of finished and untouched labs appears; every tenth does not compile in its first lab.
 */
final class GradingBenchmark implements Benchmark {

    private final int submissions;
    private final int jobs;

    GradingBenchmark(int submissions, int jobs) {
        this.submissions = submissions;
        this.jobs = jobs;
    }

    @Override
    public String name() {
        return "grading";
    }

    @Override
    public String description() {
        return "grading a class: generated submissions x every lab with the batch grader, every grade checked (--submissions)";
    }

    @Override
    public boolean onlyWhenNamed() {
        return true;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path kit = context.kit();
        Path grader = kit.resolve("labs/grader/target/funclab-grader.jar");
        if (!Files.isRegularFile(grader)) {
            throw new IllegalStateException("No " + grader + ": run it with scripts/bench grading, which builds the grader.");
        }
        List<String> labs;
        try (Stream<Path> folders = Files.list(kit.resolve("labs"))) {
            labs = folders.map(p -> p.getFileName().toString()).filter(n -> n.matches("lab[0-9].*"))
                    .filter(n -> Files.exists(kit.resolve("labs").resolve(n).resolve("pom.xml"))).sorted().toList();
        }
        Path classFolder = context.folder("grading-class");
        context.progress(String.format("grading: writing %d submissions of %d labs", submissions, labs.size()));
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < submissions; i++) {
            expected.put(String.format("student%02d", i), generate(kit, labs, classFolder.resolve(String.format("student%02d", i)), i));
        }
        context.progress(String.format("grading: %d submissions x %d labs, %d at a time, on %d cores", submissions, labs.size(),
                jobs, Runtime.getRuntime().availableProcessors()));
        double seconds = CommandRun.time(List.of(java(), "-jar", grader.toString(), "--kit", kit.toString(), "class",
                classFolder.toString(), "--jobs", String.valueOf(jobs)), kit, classFolder.resolve("grade-all.log"), line -> {
                    if (line.startsWith("[")) {
                        context.progress("grading: " + line);
                    }
                });
        List<String> wrong = wrongGrades(classFolder.resolve("_grades"), labs.size(), expected);
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("the grader gave " + wrong.size() + " wrong grade(s):\n" + String.join("\n", wrong));
        }
        context.progress(String.format("grading: %d submissions in %.0f s (%.1f s each), every grade right", submissions,
                seconds, seconds / submissions));
        double goal = 300.0 * submissions / 40;
        return List.of(Figure.time("grading: " + submissions + " submissions x " + labs.size() + " labs", "s",
                Samples.of(seconds), null, Goal.atMost(goal)));
    }

    /** Writes one submission and returns the grades it must get: {@code 100,0,...,total}. */
    private static String generate(Path kit, List<String> labs, Path submission, int index) throws IOException {
        List<String> scores = new ArrayList<>();
        int total = 0;
        for (int k = 0; k < labs.size(); k++) {
            String lab = labs.get(k);
            Path folder = submission.resolve("labs").resolve(lab);
            copy(kit.resolve("labs").resolve(lab), folder);
            int score = 0;
            if ((index >> k) % 2 == 0) {
                FileTrees.deleteTree(folder.resolve("src/main"));
                copy(kit.resolve("solutions").resolve(lab).resolve("src/main"), folder.resolve("src/main"));
                score = 100;
            }
            if (k == 0 && index % 10 == 9) {
                try (Stream<Path> files = Files.walk(folder.resolve("src/main/java"))) {
                    Path first = files.filter(p -> p.toString().endsWith(".java")).sorted().findFirst().orElseThrow();
                    Files.writeString(first, "this line does not compile\n", StandardOpenOption.APPEND);
                }
                score = 0;
            }
            scores.add(String.valueOf(score));
            total += score;
        }
        scores.add(String.valueOf(total));
        return String.join(",", scores);
    }

    private static List<String> wrongGrades(Path grades, int labs, Map<String, String> expected) throws IOException {
        Map<String, String> actual = new LinkedHashMap<>();
        for (String line : Files.readAllLines(grades.resolve("gradebook.csv")).subList(1, expected.size() + 1)) {
            String[] fields = line.split(",", -1);
            actual.put(fields[0], String.join(",", List.of(fields).subList(1, labs + 2)));
        }
        List<String> wrong = new ArrayList<>();
        expected.forEach((name, scores) -> {
            if (!scores.equals(actual.get(name))) {
                wrong.add("  " + name + ": expected " + scores + ", got " + actual.get(name) + " (see "
                        + grades.resolve(name).resolve("grades.md") + " and grade.log)");
            }
        });
        return wrong;
    }

    /** Copies a lab as a student hands it in: without its build output. */
    private static void copy(Path from, Path to) throws IOException {
        FileTrees.copy(from, to, relative -> relative.startsWith("target"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
