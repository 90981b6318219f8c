package dev.funclab.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code scripts/bench [name...]}: runs the benchmarks (all but the long ones when none is named), prints one
 * table, writes {@code target/bench/results.json}, and compares with the committed {@code baseline.json}.
 */
@Command(name = "scripts/bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures the kit beside its physical limits, in one run on this machine.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--submissions", paramLabel = "N", description = "grading: submissions to generate (default 40)")
    int submissions = 40;

    @Option(names = "--jobs", paramLabel = "N", description = "grading: submissions graded at once (default: cores + 1)")
    int jobs = Runtime.getRuntime().availableProcessors() + 1;

    List<Benchmark> all() {
        return List.of(new HttpBenchmark(), new QueueDrainBenchmark(), new PickupBenchmark(), new StartupBenchmark(),
                new ResizeBenchmark(), new ReloadBenchmark(), new GradingBenchmark(submissions, jobs), new KitTestsBenchmark());
    }

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "benchmarks to run (default: all but the long ones)")
    List<String> names = new ArrayList<>();

    @Option(names = "--short", description = "a few rounds of each, as CI runs it; fails only when a figure misses its "
            + "goal by half or more")
    boolean quick;

    @Option(names = "--report", description = "print and write the figures, but do not fail on a missed goal")
    boolean reportOnly;

    @Option(names = "--rounds", paramLabel = "N", description = "rounds per figure (default: each benchmark's own)")
    Integer rounds;

    @Option(names = "--save-baseline", description = "write this run's results over the committed baseline.json")
    boolean saveBaseline;

    @Option(names = "--update-readme", description = "write this run's table into the README's performance section")
    boolean updateReadme;

    @Option(names = "--kit", paramLabel = "FOLDER", description = "the kit's folder (default: the current one)")
    Path kit = Path.of("").toAbsolutePath();

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        BenchCommand bench = new BenchCommand();
        CommandLine command = new CommandLine(bench);
        List<String> footer = new ArrayList<>(List.of("", "Benchmarks:"));
        bench.all().forEach(b -> footer.add(String.format("  %-10s %s%s", b.name(), b.description(),
                b.onlyWhenNamed() ? " (only when named)" : "")));
        command.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        System.exit(command.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Benchmark> chosen = choose();
        if (chosen == null) {
            return 2;
        }
        if (rounds != null && rounds < 1 || submissions < 1 || jobs < 1) {
            out.println("error: --rounds, --submissions and --jobs need a number of 1 or more");
            return 2;
        }
        Results results = new Results();
        results.compareWith(baselineFile());
        out.printf("Benchmarks: %s (%s, %s)%n", String.join(", ", chosen.stream().map(Benchmark::name).toList()),
                quick ? "short run" : "full run", machine().get("summary"));
        List<String> broken = new ArrayList<>();
        try (BenchContext context = new BenchContext(kit, quick, rounds, out)) {
            context.clearEarlierRuns();
            for (Benchmark benchmark : chosen) {
                context.progress(benchmark.name() + ": " + benchmark.description());
                try {
                    results.add(benchmark.run(context));
                } catch (Exception | AssertionError e) {
                    // One benchmark that could not measure leaves the others' figures standing.
                    context.progress(benchmark.name() + ": could not measure: " + e);
                    e.printStackTrace(out);
                    broken.add(benchmark.name());
                }
            }
        }
        out.println();
        results.print(out);
        Path file = kit.resolve("labs/bench/target/bench/results.json");
        results.write(file, machine());
        out.println();
        out.println("Written to " + kit.relativize(file) + ".");
        if (updateReadme) {
            ReadmeSection.replace(kit.resolve("README.md"), results.markdown(), machine(), quick);
            out.println("Written into README.md's performance section.");
        }
        if (saveBaseline) {
            Files.copy(file, baselineFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            out.println("Saved as the baseline: " + kit.relativize(baselineFile()) + " (commit it with the change it measures).");
        }
        if (!broken.isEmpty()) {
            out.println("Could not measure: " + String.join(", ", broken) + " (the reason is above).");
            return 1;
        }
        List<Figure> missed = results.missed(quick);
        if (!missed.isEmpty()) {
            out.println((quick ? "Missed by half or more: " : "Missed its goal: ")
                    + String.join(", ", missed.stream().map(Figure::name).toList()));
            return reportOnly ? 0 : 1;
        }
        return 0;
    }

    private Path baselineFile() {
        return kit.resolve("labs/bench/baseline.json");
    }

    private List<Benchmark> choose() {
        if (names.isEmpty()) {
            return all().stream().filter(b -> !b.onlyWhenNamed()).toList();
        }
        Map<String, Benchmark> byName = new LinkedHashMap<>();
        all().forEach(b -> byName.put(b.name(), b));
        List<Benchmark> chosen = new ArrayList<>();
        for (String name : names) {
            Benchmark benchmark = byName.get(name);
            if (benchmark == null) {
                out.println("error: no benchmark named '" + name + "'; there are: " + String.join(", ", byName.keySet()));
                return null;
            }
            chosen.add(benchmark);
        }
        return chosen;
    }

    /** Where the figures were measured, written beside them. */
    static Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        int cores = Runtime.getRuntime().availableProcessors();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        String cpu = cpuModel();
        machine.put("cores", String.valueOf(cores));
        machine.put("memory", memory / (1L << 30) + " GiB");
        machine.put("cpu", cpu);
        machine.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("summary", cores + " cores, " + memory / (1L << 30) + " GiB, " + cpu + ", Java " + Runtime.version().feature());
        return machine;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (java.io.IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
