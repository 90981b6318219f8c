package dev.funclab.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where one submission is graded: for each lab of the kit, the student's {@code src/main},
 * {@code host.json} and {@code local.settings.json} (the starter's where the student has none),
 * and nothing else of theirs: tests and build files always come from the kit.
 */
final class Workspace {

    private static final List<String> STUDENT_PARTS = List.of("src/main", "host.json", "local.settings.json");

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    /** Lays out the workspace; returns it with the names of labs the submission did not have. */
    static Workspace prepare(Kit kit, Optional<Path> submission, Path root, List<String> missingLabs) throws IOException {
        for (Kit.Lab lab : kit.labs()) {
            Path into = root.resolve("labs").resolve(lab.name());
            Files.createDirectories(into);
            Optional<Path> theirs = submission.map(s -> s.resolve("labs").resolve(lab.name()))
                    .filter(Files::isDirectory).filter(folder -> inside(submission.get(), folder));
            if (theirs.isEmpty()) {
                missingLabs.add(lab.name());
            }
            // The kit's pom.xml: the host knows a Maven project by it, and the build is the kit's.
            FileTrees.copy(lab.starter("pom.xml"), into.resolve("pom.xml"));
            for (String part : STUDENT_PARTS) {
                Path source = theirs.map(t -> t.resolve(part)).filter(Files::exists)
                        .filter(path -> inside(submission.get(), path)).orElse(lab.starter(part));
                if (Files.exists(source)) {
                    FileTrees.copy(source, into.resolve(part));
                }
            }
        }
        return new Workspace(root);
    }

    /**
     * Whether {@code path}, links resolved, lies in the submission: a link to another student's copy
     * or to the kit's solutions must not be graded as the student's own work.
     */
    static boolean inside(Path submission, Path path) {
        try {
            return path.toRealPath().startsWith(submission.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    Path lab(String name) {
        return root.resolve("labs").resolve(name);
    }
}
