package dev.funclab.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmissionTest {

    @TempDir
    Path temp;

    @Test
    void aFolderIsItsOwnRoot() throws IOException {
        Path copy = Files.createDirectories(temp.resolve("kim/labs/lab1-http-api"));
        Submission submission = Submission.of(temp.resolve("kim"));

        assertThat(submission.name()).isEqualTo("kim");
        assertThat(submission.root(temp.resolve("scratch"))).contains(copy.getParent().getParent());
    }

    @Test
    void aClassKeptUnderABuildFolderIsFoundButALabsFolderInsideBuildOutputIsNot() throws IOException {
        Path classFolder = temp.resolve("target/bench/class");
        Path copy = Files.createDirectories(classFolder.resolve("park/labs/lab1-http-api"));
        assertThat(Submission.of(classFolder.resolve("park")).root(temp.resolve("scratch"))).contains(copy.getParent().getParent());

        Files.createDirectories(classFolder.resolve("choi/target/copy/labs/lab1-http-api"));
        assertThat(Submission.of(classFolder.resolve("choi")).root(temp.resolve("scratch2"))).isEmpty();
    }

    @Test
    void aZipMayHoldTheCopyOneFolderDown() throws IOException {
        Path zip = zip(temp.resolve("lee.zip"), "serverless-lab-main/labs/lab1-http-api/host.json", "{}");
        Submission submission = Submission.of(zip);

        assertThat(submission.name()).isEqualTo("lee");
        Path root = submission.root(temp.resolve("scratch")).orElseThrow();
        assertThat(root.getFileName().toString()).isEqualTo("serverless-lab-main");
        assertThat(root.resolve("labs/lab1-http-api/host.json")).hasContent("{}");
    }

    @Test
    void somethingWithoutLabsHasNoRoot() throws IOException {
        Path zip = zip(temp.resolve("homework.zip"), "notes.txt", "hello");

        assertThat(Submission.of(zip).root(temp.resolve("scratch"))).isEmpty();
    }

    @Test
    void aZipEntryThatClimbsOutOfItsFolderIsRefused() throws IOException {
        Path zip = zip(temp.resolve("evil.zip"), "../../escaped.txt", "gotcha");

        assertThatThrownBy(() -> Submission.of(zip).root(temp.resolve("scratch")))
                .isInstanceOf(IOException.class).hasMessageContaining("outside its folder");
        assertThat(temp.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void theGradersOwnOutputAndHiddenFilesAreNotSubmissions() throws IOException {
        Files.createDirectories(temp.resolve("_grades"));
        Files.createDirectories(temp.resolve(".git"));
        Files.writeString(temp.resolve("readme.txt"), "");

        assertThat(Submission.isOne(temp.resolve("_grades"))).isFalse();
        assertThat(Submission.isOne(temp.resolve(".git"))).isFalse();
        assertThat(Submission.isOne(temp.resolve("readme.txt"))).isFalse();
        assertThat(Submission.isOne(Files.createDirectories(temp.resolve("park")))).isTrue();
        assertThat(Submission.isOne(temp.resolve("choi.zip"))).isTrue();
        assertThat(Submission.isOne(temp.resolve("jung.bundle"))).isTrue();
    }

    @Test
    void aFolderAndAZipOfTheSameNameKeepTheirFileNames() {
        List<Submission> named = ClassGrader.distinctNames(List.of(
                Submission.of(Path.of("class/kim")), Submission.of(Path.of("class/kim.zip")), Submission.of(Path.of("class/lee.bundle"))));

        assertThat(named).extracting(Submission::name).containsExactly("kim", "kim.zip", "lee");
    }

    private static Path zip(Path file, String entry, String content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }
}
