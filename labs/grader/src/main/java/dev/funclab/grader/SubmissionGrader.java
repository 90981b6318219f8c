package dev.funclab.grader;

import dev.funclab.azurite.StorageEmulator;
import dev.funclab.testkit.GradeBook;
import dev.funclab.testkit.HostPool;
import dev.funclab.testkit.GradeBook.LabGrade;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Grades one submission: lays out its workspace, takes an Azurite of its own (emptied), compiles each lab
 * and runs the kit's tests on it, and writes the grade book ({@code grades.json}, {@code grades.md},
 * {@code results.json}), a {@code grade.log} and the hosts' logs into the output folder. Whatever
 * goes wrong with one lab scores that lab 0 with a note; the other labs are still graded.
 */
final class SubmissionGrader implements AutoCloseable {

    private final Kit kit;
    private final LabTests.Limits limits;
    private final LabCompiler compiler = new LabCompiler();
    private final LabTests tests;
    private final StoragePool storagePool = new StoragePool();

    SubmissionGrader(Kit kit, LabTests.Limits limits) {
        this.kit = kit;
        this.limits = limits;
        this.tests = new LabTests(limits);
    }

    /** Closes the warm hosts and then the Azurites kept for the next submissions. */
    @Override
    public void close() {
        HostPool.closeIdle();
        storagePool.close();
    }

    /**
     * @throws GradingFailure when the grader itself could not do its work (no storage, the tests
     *                        could not run): nothing is written that a later run would keep
     */
    GradeBook grade(Submission submission, Path out) throws IOException {
        Files.createDirectories(out);
        Path scratch = Files.createTempDirectory("funclab-grade-");
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(out.resolve("grade.log"), StandardCharsets.UTF_8), true)) {
            log.println("Grading " + submission.source() + " with the tests of " + kit.root());
            try {
                GradeBook book = GradeBook.of(gradeLabs(submission, scratch, out, log));
                log.printf("Total: %d / %d%n", book.earned(), book.points());
                book.write(out);
                return book;
            } catch (GradingFailure e) {
                log.println("Not graded: " + e.getMessage());
                throw e;
            } finally {
                try {
                    FileTrees.delete(scratch);
                } catch (IOException e) {
                    log.println("Could not delete the workspace " + scratch + ": " + e.getMessage());
                }
            }
        }
    }

    /** The grader, not the submission, failed: fix the cause and grade the submission again. */
    static final class GradingFailure extends RuntimeException {
        GradingFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private List<LabGrade> gradeLabs(Submission submission, Path scratch, Path out, PrintWriter log) throws IOException {
        Optional<Path> root;
        try {
            root = submission.root(scratch);
        } catch (IOException e) {
            return allLabs("could not open the submission: " + e.getMessage());
        }
        if (root.isEmpty()) {
            return allLabs("no labs/ folder: this is not a copy of the kit");
        }
        List<String> missing = new ArrayList<>();
        Workspace workspace = Workspace.prepare(kit, root, scratch.resolve("kit"), missing);
        Instant deadline = Instant.now().plus(limits.perSubmission());

        // Storage of the submission's own is made ready while the labs compile.
        CompletableFuture<StorageEmulator> storage = storagePool.lease(log::println);
        try {
            List<LabGrade> grades = new ArrayList<>();
            for (Kit.Lab lab : kit.labs()) {
                if (missing.contains(lab.name())) {
                    grades.add(GradeBook.notGraded(lab.name(), "not handed in: the submission has no labs/" + lab.name()));
                    continue;
                }
                grades.add(gradeLab(lab, workspace.lab(lab.name()), storage, deadline, log));
                copyHostLogs(workspace.lab(lab.name()), out.resolve("host-logs").resolve(lab.name()));
            }
            return grades;
        } finally {
            storagePool.release(storage);
        }
    }

    private LabGrade gradeLab(Kit.Lab lab, Path folder, CompletableFuture<StorageEmulator> storage, Instant deadline,
                              PrintWriter log) throws IOException {
        Instant start = Instant.now();
        LabCompiler.Result compiled = compiler.compile(folder, lab.libraries());
        if (!compiled.compiled()) {
            log.println(lab.name() + ": does not compile:");
            compiled.errors().forEach(error -> log.println("  " + error.replace("\n", "\n  ")));
            int more = compiled.errors().size() - 1;
            return GradeBook.notGraded(lab.name(), "does not compile: " + compiled.firstError()
                    + (more > 0 ? " (and " + more + " more; see grade.log)" : ""));
        }
        log.printf("%s: compiled %d files in %d ms%n", lab.name(), compiled.sources(), Duration.between(start, Instant.now()).toMillis());
        Files.writeString(folder.resolve("target/funclab-classpath.txt"),
                String.join(java.io.File.pathSeparator, lab.libraries().stream().map(Path::toString).toList()));
        String connection;
        try {
            connection = storage.join().connectionString();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new GradingFailure("no storage for the tests: " + cause.getMessage(), cause);
        }
        log.printf("%s: storage ready after %d ms%n", lab.name(), Duration.between(start, Instant.now()).toMillis());
        try {
            tests.run(lab, folder, connection, deadline, log);
        } catch (RuntimeException e) {
            throw new GradingFailure("the tests of " + lab.name() + " could not run: " + e, e);
        }
        LabGrade grade = GradeBook.readLab(folder);
        log.printf("%s: %d / %d in %d ms%n", lab.name(), grade.earned(), grade.points(), Duration.between(start, Instant.now()).toMillis());
        grade.tests().stream().filter(t -> !t.passed())
                .forEach(t -> log.println("  FAIL " + t.name() + ": " + t.message().replace("\n", "\n    ")));
        return grade;
    }

    private List<LabGrade> allLabs(String note) {
        return kit.labs().stream().map(lab -> GradeBook.notGraded(lab.name(), note)).toList();
    }

    private static void copyHostLogs(Path labFolder, Path into) throws IOException {
        Path logs = labFolder.resolve("target/host-logs");
        if (Files.isDirectory(logs)) {
            FileTrees.copy(logs, into);
        }
    }
}
