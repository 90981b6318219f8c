package dev.funclab.runtime.dashboard;

/**
 * The meters of Azure Functions' Consumption plan, as its pricing page lists them (pay-as-you-go, East US,
 * in US dollars; read on the page in December 2026): each execution and each GB-second of observed
 * memory x time is billed, after a monthly free grant per subscription. Memory is rounded up to the next
 * 128 MB (at most 1,536 MB) and time up to the next millisecond, with 100 ms and 128 MB at least.
 *
 * @see <a href="https://azure.microsoft.com/pricing/details/functions/">Azure Functions pricing</a>
 */
record ConsumptionPlan(double perMillionExecutions, double perGbSecond, long freeExecutions, double freeGbSeconds,
                       int memoryStepMb, int maxMemoryMb, int minMillis) {

    static final String PRICING_PAGE = "https://azure.microsoft.com/pricing/details/functions/";

    static final ConsumptionPlan PAY_AS_YOU_GO = new ConsumptionPlan(0.20, 0.000016, 1_000_000, 400_000, 128, 1_536, 100);

    /** Time billed for one call: whole milliseconds, rounded up, never under the minimum. */
    long billedMillis(long nanos) {
        long millis = (nanos + 999_999) / 1_000_000;
        return Math.max(minMillis, millis);
    }

    /** Memory billed for one call: the next step of 128 MB up, from one step to the maximum. */
    int billedMegabytes(long bytes) {
        long megabytes = (bytes + (1 << 20) - 1) >> 20;
        long steps = Math.max(1, (megabytes + memoryStepMb - 1) / memoryStepMb);
        return (int) Math.min(maxMemoryMb, steps * memoryStepMb);
    }

    /** What executions and GB-seconds cost, the free grant taken off first when {@code afterGrant}. */
    double cost(long executions, double gbSeconds, boolean afterGrant) {
        long billedExecutions = afterGrant ? Math.max(0, executions - freeExecutions) : executions;
        double billedGbSeconds = afterGrant ? Math.max(0, gbSeconds - freeGbSeconds) : gbSeconds;
        return billedExecutions * perMillionExecutions / 1_000_000 + billedGbSeconds * perGbSecond;
    }
}
