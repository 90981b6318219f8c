package dev.funclab.testkit;

/** "Reread step 3 of labs/lab1-http-api/README.md (Korean: README.ko.md)." */
final class GuideHint {

    private GuideHint() {
    }

    static String of(LabModule module, Graded graded) {
        return "Reread step " + graded.step() + " of " + module.guide() + " (Korean: README.ko.md).";
    }
}
