package dev.funclab.runtime.dashboard;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Consumption plan's arithmetic, as its pricing page states it, and the bill the host prints when it stops. */
class CostMeterTest {

    private static final ConsumptionPlan PLAN = ConsumptionPlan.PAY_AS_YOU_GO;
    private static final long MB = 1 << 20;

    @Test
    void timeIsBilledInWholeMillisecondsRoundedUpWithAHundredAtLeast() {
        assertThat(PLAN.billedMillis(1)).isEqualTo(100);
        assertThat(PLAN.billedMillis(99_000_000)).isEqualTo(100);
        assertThat(PLAN.billedMillis(100_000_001)).isEqualTo(101);
        assertThat(PLAN.billedMillis(2_500_000_000L)).isEqualTo(2_500);
    }

    @Test
    void memoryIsBilledInStepsOf128MegabytesUpToOneAndAHalfGigabytes() {
        assertThat(PLAN.billedMegabytes(10 * MB)).isEqualTo(128);
        assertThat(PLAN.billedMegabytes(128 * MB)).isEqualTo(128);
        assertThat(PLAN.billedMegabytes(160 * MB)).as("the pricing FAQ's example: 160 MB is billed as 256").isEqualTo(256);
        assertThat(PLAN.billedMegabytes(4_000 * MB)).isEqualTo(1_536);
    }

    @Test
    void theFreeGrantComesOffTheMonthNotTheRun() {
        assertThat(PLAN.cost(1_000_000, 400_000, false)).isCloseTo(0.20 + 6.40, within(1e-9));
        assertThat(PLAN.cost(1_000_000, 400_000, true)).isZero();
        // The pricing example: 3 million executions of 1 s at 1.5 GB in a month.
        assertThat(PLAN.cost(3_000_000, 4_500_000, true)).isCloseTo(0.40 + 65.60, within(1e-6));
    }

    @Test
    void theHostPrintsTheBillOfItsRunWhenItStops(@TempDir Path folder) throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.http");
        List<String> lines = new CopyOnWriteArrayList<>();
        HostLog log = new HostLog(
                new PrintStream(new ByteArrayOutputStream()));
        log.addListener(lines::add);
        try (FunctionHost host = FunctionHost.start(
                HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()), log)) {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 2; i++) {
                client.send(HttpRequest.newBuilder(host.baseUri().resolve("api/hello")).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
        }
        String bill = lines.stream().filter(l -> l.startsWith("Consumption plan cost of this run")).findFirst().orElse("");
        assertThat(bill).as("the bill printed at stop").contains("hello").contains("total").contains("a month at this pace")
                .containsPattern("hello\\s+2 executions");
    }

    @Test
    void aRunIsProjectedToAMonthAtItsOwnPace() {
        AtomicLong now = new AtomicLong();
        CostMeter meter = new CostMeter(PLAN, () -> 200 * MB, now::get);
        meter.record("resize", 450_000_000, 200 * MB);   // 450 ms at 256 MB
        meter.record("resize", 20_000_000, 200 * MB);    // 100 ms (the minimum) at 256 MB
        now.set(60_000_000_000L);                          // one minute of running
        CostMeter.Bill bill = meter.bill();
        assertThat(bill.total().executions()).isEqualTo(2);
        assertThat(bill.total().gbSeconds()).isCloseTo(0.25 * 0.55, within(1e-9));
        assertThat(bill.month().executions()).isEqualTo(2 * 30 * 24 * 60);
        assertThat(bill.month().dollars()).as("86,400 calls a month fit in the free grant").isZero();
        assertThat(meter.summary()).contains("resize").contains("total").contains(ConsumptionPlan.PRICING_PAGE);
    }
}
