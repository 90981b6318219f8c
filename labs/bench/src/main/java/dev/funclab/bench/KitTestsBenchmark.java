package dev.funclab.bench;

import java.nio.file.Path;
import java.util.List;

/** The kit's own {@code mvn test}, from a fresh clone of its last commit, with the dependencies already downloaded. */
final class KitTestsBenchmark implements Benchmark {

    @Override
    public String name() {
        return "kit-tests";
    }

    @Override
    public String description() {
        return "mvn test of the whole kit from a fresh clone of its last commit (dependencies already downloaded)";
    }

    @Override
    public boolean onlyWhenNamed() {
        return true;
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path clone = context.folder("kit-clone").resolve("kit");
        context.progress("kit-tests: cloning the last commit to " + clone);
        CommandRun.time(List.of("git", "clone", "--quiet", context.kit().toString(), clone.toString()), context.kit(),
                clone.resolveSibling("clone.log"), line -> { });
        context.progress("kit-tests: mvn test (offline) in the clone");
        double seconds = CommandRun.time(List.of("mvn", "-o", "-B", "test"), clone, clone.resolveSibling("mvn-test.log"), line -> {
            if (line.startsWith("[INFO] Building ") || line.contains("Tests run:") && line.contains("Time elapsed")
                    && !line.contains("Tests run: 0")) {
                context.progress("kit-tests: " + line.replace("[INFO] ", ""));
            }
        });
        return List.of(Figure.time("kit-tests: mvn test of a fresh clone", "s", Samples.of(seconds), null, Goal.atMost(300)));
    }
}
