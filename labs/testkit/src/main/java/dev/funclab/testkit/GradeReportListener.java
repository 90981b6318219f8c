package dev.funclab.testkit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores a lab when its tests have run: each {@link Graded} test earns its points if it passed.
 * Tests that never ran (their class could not start) count as failed, with the reason.
 * Registered through {@code META-INF/services}, so every module that uses the test kit reports.
 */
public final class GradeReportListener implements TestExecutionListener {

    private final Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
    private final boolean print;

    /** Prints each lab's table, as Maven runs want. */
    public GradeReportListener() {
        this(true);
    }

    /** @param print whether to print the lab's table too (the grader, grading many at once, does not) */
    public GradeReportListener(boolean print) {
        this.print = print;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        results.clear();
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        results.put(identifier.getUniqueId(), result);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        // A method that runs several times (parameterized, repeated) earns its points once, if every run passed.
        Map<String, GradedTest> byMethod = new java.util.LinkedHashMap<>();
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier test : testPlan.getDescendants(root)) {
                graded(test).ifPresent(g -> byMethod.merge(methodId(test), outcome(testPlan, test, g), GradeReportListener::both));
            }
        }
        List<GradedTest> graded = new ArrayList<>(byMethod.values());
        if (graded.isEmpty()) {
            return;
        }
        graded.sort(Comparator.comparingInt(GradedTest::step).thenComparing(GradedTest::id));
        LabModule module = RunSettings.from(testPlan.getConfigurationParameters()::get).module();
        LabReport report = LabReport.of(module, graded);
        if (print) {
            report.print(System.out);
        }
        try {
            report.write(module.target());
        } catch (IOException e) {
            System.err.println("Could not write the grade report: " + e.getMessage());
        }
    }

    private static GradedTest both(GradedTest first, GradedTest second) {
        return first.passed() ? second : first;
    }

    private static String methodId(TestIdentifier test) {
        MethodSource source = (MethodSource) test.getSource().orElseThrow();
        return source.getClassName() + "#" + source.getMethodName() + "(" + source.getMethodParameterTypes() + ")";
    }

    private GradedTest outcome(TestPlan plan, TestIdentifier test, Graded graded) {
        TestExecutionResult result = resultOf(plan, test);
        boolean passed = result != null && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        String message = "";
        int reread = graded.step();
        if (result == null) {
            message = "did not run";
        } else if (!passed) {
            message = result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse(result.getStatus().toString());
            reread = GuideHint.stepToReread(graded, result.getThrowable().orElse(null));
        }
        MethodSource source = (MethodSource) test.getSource().orElseThrow();
        String id = source.getClassName().replaceAll(".*\\.", "") + "#" + source.getMethodName();
        String name = name(plan.getParent(test).filter(p -> p.getSource().filter(MethodSource.class::isInstance).isPresent())
                .orElse(test), source.getMethodName());
        return new GradedTest(name, id, passed ? graded.points() : 0, graded.points(), passed, graded.step(), reread, message);
    }

    /** The result of the test, or of the nearest container that failed before it could run. */
    private TestExecutionResult resultOf(TestPlan plan, TestIdentifier test) {
        TestExecutionResult own = results.get(test.getUniqueId());
        if (own != null) {
            return own;
        }
        Optional<TestIdentifier> parent = plan.getParent(test);
        while (parent.isPresent()) {
            TestExecutionResult result = results.get(parent.get().getUniqueId());
            if (result != null && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                return result;
            }
            parent = plan.getParent(parent.get());
        }
        return null;
    }

    private static Optional<Graded> graded(TestIdentifier test) {
        if (!test.isTest() || test.getSource().isEmpty() || !(test.getSource().get() instanceof MethodSource source)) {
            return Optional.empty();
        }
        try {
            Method method = source.getJavaMethod();
            return Optional.ofNullable(method.getAnnotation(Graded.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The @DisplayName, or the method name when there is none (JUnit shows it as "method(Type)"). */
    private static String name(TestIdentifier test, String methodName) {
        String display = test.getDisplayName();
        return display.startsWith(methodName + "(") ? methodName : display;
    }
}
