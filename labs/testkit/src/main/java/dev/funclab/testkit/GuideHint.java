package dev.funclab.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "Reread step 3 of labs/lab1-http-api/README.md (Korean: README.ko.md)." */
final class GuideHint {

    /** How the starters' placeholders name their step: "TODO 3: not written yet". */
    private static final Pattern TODO = Pattern.compile("\\bTODO (\\d+)\\b");

    private GuideHint() {
    }

    static String of(LabModule module, int step) {
        return "Reread step " + step + " of " + module.guide() + " (Korean: README.ko.md).";
    }

    /**
     * The earliest unfinished step behind a failure: the step a {@link StepFailure} names, else the
     * lowest placeholder ("TODO n") the failure met in the starter, even a later step's, else the test's own step.
     */
    static int stepToReread(Graded graded, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StepFailure earlier) {
                return earlier.step();
            }
        }
        // A placeholder the failure met is proof that its step is unfinished, whatever the test's own step.
        int step = Integer.MAX_VALUE;
        if (failure != null && failure.getMessage() != null) {
            Matcher todo = TODO.matcher(failure.getMessage());
            while (todo.find()) {
                step = Math.min(step, Integer.parseInt(todo.group(1)));
            }
        }
        return step == Integer.MAX_VALUE ? graded.step() : step;
    }
}
