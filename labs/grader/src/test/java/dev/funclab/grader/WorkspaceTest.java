package dev.funclab.grader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceTest {

    @TempDir
    Path temp;

    private Kit kit;

    @BeforeEach
    void aKitWithTwoLabs() throws IOException {
        List<Kit.Lab> labs = new ArrayList<>();
        for (String name : List.of("lab1-http-api", "lab2-blob-resize")) {
            Path folder = temp.resolve("kit/labs/" + name);
            write(folder.resolve("pom.xml"), "kit pom");
            write(folder.resolve("host.json"), "kit host.json");
            write(folder.resolve("src/main/java/Starter.java"), "starter");
            write(folder.resolve("src/test/java/KitTest.java"), "kit test");
            labs.add(new Kit.Lab(name, folder, folder.resolve("target/test-classes"), List.of()));
        }
        kit = new Kit(temp.resolve("kit"), labs);
    }

    @Test
    void takesOnlyTheStudentsCodeAndSettings() throws IOException {
        Path copy = temp.resolve("student");
        write(copy.resolve("labs/lab1-http-api/src/main/java/Mine.java"), "mine");
        write(copy.resolve("labs/lab1-http-api/host.json"), "my host.json");
        write(copy.resolve("labs/lab1-http-api/pom.xml"), "my pom with a new plugin");
        write(copy.resolve("labs/lab1-http-api/src/test/java/KitTest.java"), "a test that always passes");

        List<String> missing = new ArrayList<>();
        Workspace workspace = Workspace.prepare(kit, Optional.of(copy), temp.resolve("work"), missing);

        Path lab1 = workspace.lab("lab1-http-api");
        assertThat(lab1.resolve("src/main/java/Mine.java")).hasContent("mine");
        assertThat(lab1.resolve("src/main/java/Starter.java")).doesNotExist();
        assertThat(lab1.resolve("host.json")).hasContent("my host.json");
        assertThat(lab1.resolve("pom.xml")).hasContent("kit pom");
        assertThat(lab1.resolve("src/test")).doesNotExist();
        assertThat(missing).containsExactly("lab2-blob-resize");
    }

    @Test
    void aLabWithoutItsOwnHostJsonGetsTheStartersOne() throws IOException {
        Path copy = temp.resolve("student");
        write(copy.resolve("labs/lab2-blob-resize/src/main/java/Mine.java"), "mine");

        Workspace workspace = Workspace.prepare(kit, Optional.of(copy), temp.resolve("work"), new ArrayList<>());

        assertThat(workspace.lab("lab2-blob-resize").resolve("host.json")).hasContent("kit host.json");
    }

    @Test
    void linksOutOfTheSubmissionAreNotTakenAsTheStudentsWork() throws IOException {
        Path other = temp.resolve("alice/labs/lab1-http-api");
        write(other.resolve("src/main/java/Hers.java"), "alice's work");
        write(temp.resolve("alice/labs/lab2-blob-resize/src/main/java/AlsoHers.java"), "alice's work");
        Path copy = temp.resolve("student");
        Files.createDirectories(copy.resolve("labs/lab2-blob-resize/src"));
        Files.createSymbolicLink(copy.resolve("labs/lab1-http-api"), other);
        Files.createSymbolicLink(copy.resolve("labs/lab2-blob-resize/src/main"), temp.resolve("alice/labs/lab2-blob-resize/src/main"));

        List<String> missing = new ArrayList<>();
        Workspace workspace = Workspace.prepare(kit, Optional.of(copy), temp.resolve("work"), missing);

        assertThat(missing).containsExactly("lab1-http-api");
        assertThat(workspace.lab("lab1-http-api").resolve("src/main/java/Hers.java")).doesNotExist();
        assertThat(workspace.lab("lab2-blob-resize").resolve("src/main/java/AlsoHers.java")).doesNotExist();
        assertThat(workspace.lab("lab2-blob-resize").resolve("src/main/java/Starter.java")).hasContent("starter");
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
