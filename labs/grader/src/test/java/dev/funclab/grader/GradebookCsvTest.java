package dev.funclab.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GradebookCsvTest {

    @TempDir
    Path out;

    @Test
    void oneRowPerSubmissionWithEachLabTheTotalAndNotes() throws IOException {
        grades("kim", """
                {"earned":170,"points":200,"labs":[
                  {"lab":"lab1-http-api","earned":100,"points":100,"note":"","tests":[]},
                  {"lab":"lab2-blob-resize","earned":70,"points":100,"note":"","tests":[]}]}""");
        grades("lee", """
                {"earned":100,"points":200,"labs":[
                  {"lab":"lab1-http-api","earned":100,"points":100,"note":"","tests":[]},
                  {"lab":"lab2-blob-resize","earned":0,"points":100,"note":"does not compile: A.java:3: ';' expected, \\"here\\"","tests":[]}]}""");
        Files.createDirectories(out.resolve("park"));

        Path csv = GradebookCsv.write(out, List.of("kim", "lee", "park"));

        assertThat(Files.readAllLines(csv)).containsExactly(
                "submission,lab1-http-api,lab2-blob-resize,total,notes",
                "kim,100,70,170,",
                "lee,100,0,100,\"lab2-blob-resize: does not compile: A.java:3: ';' expected, \"\"here\"\"\"",
                "park,0,0,0,not graded: see its grade.log");
    }

    private void grades(String submission, String json) throws IOException {
        Files.createDirectories(out.resolve(submission));
        Files.writeString(out.resolve(submission).resolve("grades.json"), json);
    }
}
