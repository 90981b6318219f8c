package dev.funclab.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabCompilerTest {

    @TempDir
    Path lab;

    private final LabCompiler compiler = new LabCompiler();

    @Test
    void compilesIntoTargetClassesWithTheResources() throws IOException {
        write("src/main/java/com/example/Greeter.java", "package com.example; public class Greeter { String hi(String name) { return name; } }");
        write("src/main/resources/messages.properties", "hello=Hello");

        LabCompiler.Result result = compiler.compile(lab, List.of());

        assertThat(result.compiled()).isTrue();
        assertThat(result.sources()).isEqualTo(1);
        assertThat(lab.resolve("target/classes/com/example/Greeter.class")).exists();
        assertThat(lab.resolve("target/classes/messages.properties")).hasContent("hello=Hello");
    }

    @Test
    void anErrorNamesTheFileAndLine() throws IOException {
        write("src/main/java/com/example/Broken.java", "package com.example;\npublic class Broken {\n  int x = \"text\";\n}\n");

        LabCompiler.Result result = compiler.compile(lab, List.of());

        assertThat(result.compiled()).isFalse();
        assertThat(result.firstError()).startsWith("src/main/java/com/example/Broken.java:3: ").contains("incompatible types");
    }

    @Test
    void noSourcesIsAFailureThatSaysSo() throws IOException {
        LabCompiler.Result result = compiler.compile(lab, List.of());

        assertThat(result.compiled()).isFalse();
        assertThat(result.firstError()).contains("no Java sources");
    }

    private void write(String path, String content) throws IOException {
        Path file = lab.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
