package dev.funclab.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The table a run prints, the JSON it writes, and how a later run reads that JSON as its baseline. */
class ResultsTest {

    @TempDir
    Path folder;

    private static String printed(Results results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        results.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunIsPrintedAsOneTableWithItsSpreadRatioGoalAndResult() {
        Results results = new Results();
        results.add(List.of(Figure.rate("http: host vs bare", "req/s", Samples.of(30_000, 28_000, 31_000),
                Samples.of(40_000, 41_000, 39_000), Goal.ratioAtLeast(0.8))));
        String table = printed(results);
        assertThat(table.lines().findFirst().orElseThrow()).contains("figure", "ours", "baseline", "ratio", "goal", "result");
        assertThat(table).contains("30,000 (28,000-31,000) req/s", "40,000 (39,000-41,000) req/s", "0.75x", ">= 0.80x", "FAIL",
                "new");
        assertThat(results.missed(false)).hasSize(1);
        assertThat(results.missed(true)).as("0.75x is not half of 0.8x off").isEmpty();
    }

    @Test
    void theNextRunShowsHowEachFigureMovedSinceTheSavedOne() throws Exception {
        Results before = new Results();
        before.add(List.of(
                Figure.rate("drain", "msg/s", Samples.of(400), Samples.of(500), Goal.ratioAtLeast(0.8)),
                Figure.time("start", "ms", Samples.of(2_000), null, Goal.atMost(1_500))));
        Path saved = folder.resolve("baseline.json");
        before.write(saved, Map.of("cores", "2"));

        Results after = new Results();
        after.compareWith(saved);
        after.add(List.of(
                Figure.rate("drain", "msg/s", Samples.of(450), Samples.of(500), Goal.ratioAtLeast(0.8)),
                Figure.time("start", "ms", Samples.of(1_000), null, Goal.atMost(1_500))));
        String table = printed(after);
        assertThat(table).contains("was 0.80, +13%").as("a time that halved is 100% better").contains("was 2,000, +100%");
    }
}
