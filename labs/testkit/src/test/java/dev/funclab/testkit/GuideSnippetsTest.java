package dev.funclab.testkit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Guides never drift from the code: every Java snippet in a lab guide starts with a comment naming
 * the file it comes from, and its lines must appear in that file, in the same order.
 */
class GuideSnippetsTest {

    private static final Path KIT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    private static final Pattern SNIPPET = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetMatchesTheFileItNames() throws IOException {
        List<Path> guides;
        try (Stream<Path> labs = Files.list(KIT.resolve("labs"))) {
            guides = labs.filter(l -> l.getFileName().toString().matches("lab\\d+.*"))
                    .flatMap(l -> Stream.of(l.resolve("README.md"), l.resolve("README.ko.md")))
                    .sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path guide : guides) {
            tests.add(DynamicTest.dynamicTest(KIT.relativize(guide) + " exists", () -> assertThat(guide).exists()));
            if (!Files.exists(guide)) {
                continue;
            }
            Matcher snippets = SNIPPET.matcher(Files.readString(guide).replace("\r\n", "\n"));
            int index = 0;
            while (snippets.find()) {
                String snippet = snippets.group(1);
                String name = KIT.relativize(guide) + " snippet " + (++index);
                tests.add(DynamicTest.dynamicTest(name, () -> checkSnippet(snippet)));
            }
        }
        return tests.stream();
    }

    private static void checkSnippet(String snippet) throws IOException {
        List<String> lines = snippet.lines().toList();
        String first = lines.get(0).strip();
        assertThat(first).as("a Java snippet starts with '// <path of the file it comes from>'").startsWith("// ");
        Path source = KIT.resolve(first.substring(3).strip());
        assumeTrue(Files.isDirectory(KIT.resolve("solutions")) || !source.startsWith(KIT.resolve("solutions")),
                "a student copy has no solutions to compare with (scripts/student-copy)");
        assertThat(source).as("the file the snippet names").exists();
        List<String> code = Files.readAllLines(source).stream().map(String::strip).toList();
        int at = 0;
        for (String line : lines.subList(1, lines.size())) {
            String wanted = line.strip();
            if (wanted.isEmpty() || wanted.equals("// ...")) {
                continue;
            }
            int found = code.subList(at, code.size()).indexOf(wanted);
            assertThat(found).as("'%s' appears in %s after line %d", wanted, source, at).isNotNegative();
            at += found + 1;
        }
    }
}
