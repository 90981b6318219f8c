package dev.funclab.grader;

import dev.funclab.testkit.GradeBook;
import dev.funclab.testkit.HostPool;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code funclab-grader submission <copy>} and {@code funclab-grader class <folder> --jobs N}:
 * grading with the kit's pristine tests, without a Maven build per submission.
 */
@Command(name = "funclab-grader", mixinStandardHelpOptions = true,
        description = "Grades students' copies of the kit with the kit's own tests (scripts/grade and scripts/grade-all run it).")
public final class GraderCommand {

    @Option(names = "--kit", scope = CommandLine.ScopeType.INHERIT, paramLabel = "FOLDER", description = "The built kit whose tests grade (default: the current folder).")
    Path kit = Path.of(".");

    @Option(names = "--time-limit", scope = CommandLine.ScopeType.INHERIT, paramLabel = "TIME", defaultValue = "10m", converter = TimeConverter.class,
            description = "Time for one submission (default: ${DEFAULT-VALUE}); tests that would start later score 0.")
    Duration perSubmission;

    @Option(names = "--test-time-limit", scope = CommandLine.ScopeType.INHERIT, paramLabel = "TIME", defaultValue = "60s", converter = TimeConverter.class,
            description = "Time for one test (default: ${DEFAULT-VALUE}).")
    Duration perTest;

    @Option(names = "--call-time-limit", scope = CommandLine.ScopeType.INHERIT, paramLabel = "TIME", defaultValue = "15s", converter = TimeConverter.class,
            description = "Time for one HTTP call to a function (default: ${DEFAULT-VALUE}).")
    Duration perCall;

    @Command(name = "submission", description = "Grades one copy: prints its grade table and writes its reports.")
    int submission(@Parameters(paramLabel = "COPY", description = "A copy of the kit: a folder, a .zip or a git bundle.") Path copy,
                   @Option(names = "--out", paramLabel = "FOLDER", description = "Where the reports go (default: COPY/target/grades, "
                           + "or NAME-grades beside a .zip or bundle).")
                   Path out) throws Exception {
        if (!Files.exists(copy)) {
            throw badInput("submission", copy + " does not exist");
        }
        Submission submission = Submission.of(copy.toAbsolutePath().normalize());
        // A folder keeps its reports inside, as 'mvn test' would; an archive gets a folder beside it.
        Path reports = out != null ? out : Files.isDirectory(copy) ? freshReportsFolder(copy)
                : copy.toAbsolutePath().normalize().resolveSibling(submission.name() + "-grades");
        System.out.println("Grading " + submission.source() + " ...");
        SubmissionGrader grader = grader(1);
        GradeBook book;
        try {
            book = grader.grade(submission, reports.toAbsolutePath().normalize());
        } finally {
            grader.close();
        }
        book.print(System.out, reports.toAbsolutePath().normalize() + "/");
        System.out.println("Also there: grade.log (compiler errors, each test's time and failure) and host-logs/.");
        return 0;
    }

    @Command(name = "class", description = "Grades every submission in a folder (folders, .zip files, git bundles) "
            + "and writes gradebook.csv; run it again after an interruption to go on.")
    int wholeClass(@Parameters(paramLabel = "FOLDER", description = "The folder of submissions.") Path folder,
                   @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded at once (default: one more "
                           + "than the cores, as a submission's tests often wait on its hosts).")
                   Integer jobs,
                   @Option(names = "--out", paramLabel = "FOLDER", description = "Where reports go (default: FOLDER/_grades).")
                   Path out) throws Exception {
        if (!Files.isDirectory(folder)) {
            throw badInput("class", folder + " is not a folder of submissions");
        }
        int parallel = jobs != null ? jobs : Runtime.getRuntime().availableProcessors() + 1;
        if (parallel < 1) {
            throw badInput("class", "--jobs must be 1 or more");
        }
        Path reports = (out != null ? out : folder.resolve("_grades")).toAbsolutePath().normalize();
        SubmissionGrader grader = grader(parallel);
        try {
            int failed = new ClassGrader(grader, parallel, System.out).grade(folder.toAbsolutePath().normalize(), reports);
            return failed == 0 ? 0 : 1;
        } finally {
            grader.close();
        }
    }

    /**
     * {@code <copy>/target/grades}, emptied. The copy is the student's: a link they placed there
     * ({@code target/grades/grade.log -> ~/.bashrc}) is removed, never written through.
     */
    private static Path freshReportsFolder(Path copy) throws java.io.IOException {
        Path target = copy.resolve("target");
        if (Files.isSymbolicLink(target)) {
            Files.delete(target);
        }
        Path grades = target.resolve("grades");
        if (Files.isSymbolicLink(grades)) {
            Files.delete(grades);
        }
        FileTrees.delete(grades);
        return Files.createDirectories(grades);
    }

    /** Bad input to a subcommand: picocli prints the message and that subcommand's usage. */
    private CommandLine.ParameterException badInput(String subcommand, String message) {
        return new CommandLine.ParameterException(new CommandLine(this).getSubcommands().get(subcommand), message);
    }

    /**
     * A grader for {@code jobs} submissions at once: each job keeps its Azurite and a warm host per test class between
     * submissions, as many as a quarter of the memory holds (a waiting host takes about 256 MB).
     */
    private SubmissionGrader grader(int jobs) throws java.io.IOException {
        Kit labs = Kit.at(kit);
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        HostPool.keepIdle((int) Math.min((long) jobs * labs.testClassCount(), memory / 4 / (256L << 20)));
        return new SubmissionGrader(labs, new LabTests.Limits(perSubmission, perTest, perCall));
    }

    public static void main(String[] args) {
        CommandLine command = new CommandLine(new GraderCommand());
        command.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 2;
        });
        System.exit(command.execute(args));
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}. */
    static final class TimeConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern TIME = Pattern.compile("(\\d+)\\s*([smh])");

        @Override
        public Duration convert(String value) {
            Matcher matcher = TIME.matcher(value.strip());
            if (!matcher.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a time: write 90s, 10m or 1h");
            }
            long amount = Long.parseLong(matcher.group(1));
            if (amount == 0) {
                throw new CommandLine.TypeConversionException("a time limit of 0 leaves no time: give at least 1s");
            }
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
    }
}
