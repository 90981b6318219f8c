package dev.funclab.grader;

import dev.funclab.testkit.GradeBook;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grades a folder of submissions, {@code jobs} at a time, each into {@code <out>/<name>/}, then
 * writes {@code <out>/gradebook.csv}. A submission whose {@code grades.json} exists is kept, so a
 * run that was interrupted goes on where it stopped.
 */
final class ClassGrader {

    private final SubmissionGrader grader;
    private final int jobs;
    private final PrintStream progress;

    ClassGrader(SubmissionGrader grader, int jobs, PrintStream progress) {
        this.grader = grader;
        this.jobs = jobs;
        this.progress = progress;
    }

    /** @return the number of submissions that could not be graded at all */
    int grade(Path folder, Path out) throws IOException, InterruptedException {
        Files.createDirectories(out);
        List<Submission> submissions;
        try (Stream<Path> entries = Files.list(folder)) {
            submissions = distinctNames(entries.filter(p -> !p.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize()))
                    .filter(Submission::isOne).sorted().map(Submission::of).toList());
        }
        progress.printf("Grading %d submissions from %s, %d at a time, into %s%n", submissions.size(), folder, jobs, out);
        Instant start = Instant.now();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        for (Submission submission : submissions) {
            pool.execute(() -> {
                String line = gradeOne(submission, out.resolve(submission.name()), failed);
                progress.printf("[%d/%d] %s%n", done.incrementAndGet(), submissions.size(), line);
            });
        }
        pool.shutdown();
        pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        Path gradebook = GradebookCsv.write(out, submissions.stream().map(Submission::name).toList());
        progress.printf("Graded %d submissions in %d s. Gradebook: %s%n", submissions.size(),
                Duration.between(start, Instant.now()).toSeconds(), gradebook);
        if (failed.get() > 0) {
            progress.printf("%d could not be graded (lines with x above); fix the cause and run again: "
                    + "only those are graded then.%n", failed.get());
        }
        return failed.get();
    }

    /** {@code kim/} and {@code kim.zip} side by side keep their file names, so that neither overwrites the other's grades. */
    static List<Submission> distinctNames(List<Submission> submissions) {
        Map<String, Long> counts = submissions.stream().collect(Collectors.groupingBy(Submission::name, Collectors.counting()));
        return submissions.stream()
                .map(s -> counts.get(s.name()) > 1 ? new Submission(s.source().getFileName().toString(), s.source()) : s)
                .toList();
    }

    private String gradeOne(Submission submission, Path out, AtomicInteger failed) {
        if (Files.exists(out.resolve("grades.json"))) {
            return "= " + submission.name() + " (graded before, kept)";
        }
        Instant start = Instant.now();
        try {
            GradeBook book = grader.grade(submission, out);
            return "+ " + submission.name() + ": " + book.earned() + " / " + book.points()
                    + " (" + Duration.between(start, Instant.now()).toSeconds() + " s)";
        } catch (IOException | RuntimeException | Error e) {
            // Anything, even running out of memory, leaves this submission ungraded and the run going;
            // without grades.json it is graded again next run.
            failed.incrementAndGet();
            return "x " + submission.name() + ": could not be graded: " + e.getMessage() + " (see " + out.resolve("grade.log") + ")";
        }
    }
}
