package dev.funclab.grader;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.convert.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code gradebook.csv}: one row per submission (its name, each lab's score, the total, and notes
 * on what could not be graded), read back from each submission's {@code grades.json}, so rows kept
 * from an earlier run count too. Spreadsheets and LMS gradebooks import it as it is.
 */
final class GradebookCsv {

    private GradebookCsv() {
    }

    static Path write(Path out, List<String> submissions) throws IOException {
        List<JsonNode> books = new ArrayList<>();
        Set<String> labs = new LinkedHashSet<>();
        for (String name : submissions) {
            Path file = out.resolve(name).resolve("grades.json");
            JsonNode book = Files.exists(file) ? Json.MAPPER.readTree(file.toFile()) : Json.MAPPER.createObjectNode();
            books.add(book);
            book.path("labs").forEach(lab -> labs.add(lab.path("lab").asText()));
        }
        StringBuilder csv = new StringBuilder("submission");
        labs.forEach(lab -> csv.append(',').append(lab));
        csv.append(",total,notes\n");
        for (int i = 0; i < submissions.size(); i++) {
            JsonNode book = books.get(i);
            csv.append(cell(submissions.get(i)));
            List<String> notes = new ArrayList<>();
            for (String lab : labs) {
                JsonNode grade = labGrade(book, lab);
                csv.append(',').append(grade.path("earned").asInt(0));
                if (!grade.path("note").asText("").isEmpty()) {
                    notes.add(lab + ": " + grade.path("note").asText());
                }
            }
            if (!book.has("earned")) {
                notes.add("not graded: see its grade.log");
            }
            csv.append(',').append(book.path("earned").asInt(0)).append(',').append(cell(String.join("; ", notes))).append('\n');
        }
        Path file = out.resolve("gradebook.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private static JsonNode labGrade(JsonNode book, String lab) {
        for (JsonNode grade : book.path("labs")) {
            if (grade.path("lab").asText().equals(lab)) {
                return grade;
            }
        }
        return Json.MAPPER.createObjectNode();
    }

    /** RFC 4180: quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
    static String cell(String text) {
        String flat = text.replace("\r", " ").replace("\n", " ");
        return flat.contains(",") || flat.contains("\"") ? "\"" + flat.replace("\"", "\"\"") + "\"" : flat;
    }
}
