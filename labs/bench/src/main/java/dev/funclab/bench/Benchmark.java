package dev.funclab.bench;

import java.util.List;

/** One benchmark: it measures the kit and its baseline side by side, in rounds, and returns the figures. */
public interface Benchmark {

    /** The name {@code scripts/bench <name>} runs it by. */
    String name();

    /** One line for {@code scripts/bench --help}. */
    String description();

    /** True for the long ones that time whole commands: they run only when named. */
    default boolean onlyWhenNamed() {
        return false;
    }

    List<Figure> run(BenchContext context) throws Exception;
}
