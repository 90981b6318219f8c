package com.example.lab3;

import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.convert.Json;
import dev.funclab.testkit.FinishedInvocation;
import dev.funclab.testkit.FunctionsHostTest;
import dev.funclab.testkit.Graded;
import dev.funclab.testkit.LabClient;
import dev.funclab.testkit.LabResponse;
import dev.funclab.testkit.LabStorage;
import dev.funclab.testkit.RunningHost;
import dev.funclab.testkit.StepFailure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.funclab.testkit.LabAssertions.assertThat;

/** Sends messages to vision-info and checks the reports, the table and the HTTP API (100 points). */
@FunctionsHostTest
class VisionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Uploads images/<name>, asks for its analysis, waits until it has run, and returns the name. */
    private static String analyse(LabStorage storage, RunningHost host, String name, byte[] picture) {
        storage.upload("images", name, picture);
        String messageId = storage.send("vision-info", "{\"blobName\": \"" + name + "\"}");
        FinishedInvocation run = host.awaitInvocation("MessageId: " + messageId, DEADLINE);
        if (!run.succeeded()) {
            throw new AssertionError("The analysis of images/" + name + " failed: " + run.error());
        }
        return name;
    }

    private static JsonNode report(LabStorage storage, String name) {
        byte[] json = storage.download("image-info", name + ".json").orElseThrow(() -> new StepFailure(3,
                "image-info/" + name + ".json was not written: set the report output binding (@BlobOutput)"));
        return parse(json, "image-info/" + name + ".json");
    }

    private static JsonNode parse(byte[] json, String what) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(what + " is not JSON: " + new String(json));
        }
    }

    private static TableEntity row(LabStorage storage, String name) {
        return storage.entity("ImageInfo", "images", name).orElseThrow(() -> new StepFailure(4,
                "table ImageInfo has no row (images, " + name + "): set the row output binding (@TableOutput)"));
    }

    /** Sends a message the function must refuse, and returns it as it reached vision-info-poison. */
    private static String poisoned(LabStorage storage, RunningHost host, String message, String marker) {
        String messageId = storage.send("vision-info", message);
        FinishedInvocation first = host.awaitInvocation("MessageId: " + messageId, DEADLINE);
        if (first.succeeded()) {
            throw new AssertionError("The function must fail for the message '" + message + "', but it succeeded");
        }
        return LabStorage.await("a message containing '" + marker + "' on vision-info-poison (the function must fail "
                        + "for it, five times)", Duration.ofSeconds(30),
                () -> storage.receiveAll("vision-info-poison").stream().filter(m -> m.contains(marker)).findFirst());
    }

    @Test
    @Graded(points = 15, step = 3)
    @DisplayName("the report gives format, width, height and size in bytes")
    void theReportGivesFormatSizeAndBytes(LabStorage storage, RunningHost host) {
        byte[] png = TestPictures.picture("png", 300, 200, Color.RED);
        String name = analyse(storage, host, "photo-" + id() + ".png", png);

        JsonNode report = report(storage, name);

        assertThat(report.path("blobName").asText()).as("blobName in the report").isEqualTo(name);
        assertThat(report.path("format").asText()).as("format in the report").isEqualTo("png");
        assertThat(report.path("width").asInt()).as("width in the report").isEqualTo(300);
        assertThat(report.path("height").asInt()).as("height in the report").isEqualTo(200);
        assertThat(report.path("byteSize").asLong()).as("byteSize in the report").isEqualTo(png.length);
    }

    @Test
    @Graded(points = 15, step = 2)
    @DisplayName("the report measures colour, brightness and orientation")
    void theReportMeasuresColourAndShape(LabStorage storage, RunningHost host) {
        String name = analyse(storage, host, "blue-" + id() + ".png", TestPictures.picture("png", 120, 240, new Color(0x33, 0x66, 0xcc)));

        JsonNode report = report(storage, name);

        assertThat(report.path("averageColor").asText()).as("averageColor of a #3366cc picture").isEqualToIgnoringCase("#3366cc");
        assertThat(report.path("brightness").asInt()).as("brightness of #3366cc (0.299 R + 0.587 G + 0.114 B)").isEqualTo(98);
        assertThat(report.path("orientation").asText()).as("orientation of a 120x240 picture").isEqualTo("portrait");
    }

    @Test
    @Graded(points = 15, step = 4)
    @DisplayName("each analysis is recorded as a row of table ImageInfo")
    void eachAnalysisIsATableRow(LabStorage storage, RunningHost host) {
        String name = analyse(storage, host, "row-" + id() + ".jpg", TestPictures.picture("jpg", 64, 48, Color.GREEN));

        TableEntity row = row(storage, name);

        assertThat(row.getProperty("format")).as("format in the table row").isEqualTo("jpeg");
        assertThat(row.getProperty("width")).as("width in the table row").isEqualTo(64);
        assertThat(row.getProperty("height")).as("height in the table row").isEqualTo(48);
    }

    @Test
    @Graded(points = 10, step = 5)
    @DisplayName("GET /api/images lists the analysed images")
    void theApiListsTheAnalysedImages(LabStorage storage, LabClient client, RunningHost host) {
        String first = analyse(storage, host, "list-" + id() + ".png", TestPictures.picture("png", 10, 10, Color.BLACK));
        String second = analyse(storage, host, "list-" + id() + ".png", TestPictures.picture("png", 20, 10, Color.WHITE));
        row(storage, first);
        row(storage, second);

        LabResponse response = client.get("/api/images");

        assertThat(response).hasStatus(200).bodyContains(first, second);
    }

    @Test
    @Graded(points = 5, step = 5)
    @DisplayName("GET /api/images/{name} returns one record, 404 for unknown names")
    void theApiReturnsOneRecord(LabStorage storage, LabClient client, RunningHost host) {
        String name = analyse(storage, host, "one-" + id() + ".png", TestPictures.picture("png", 30, 30, Color.GRAY));
        row(storage, name);

        assertThat(client.get("/api/images/" + name)).hasStatus(200).bodyContains(name, "\"width\":30");
        assertThat(client.get("/api/images/never-" + id() + ".png")).hasStatus(404);
    }

    @Test
    @Graded(points = 10, step = 1)
    @DisplayName("a message naming a missing image ends on vision-info-poison")
    void aMissingImageEndsOnThePoisonQueue(LabStorage storage, RunningHost host) {
        String missing = "missing-" + id() + ".png";

        assertThat(poisoned(storage, host, "{\"blobName\": \"" + missing + "\"}", missing)).isEqualTo("{\"blobName\": \"" + missing + "\"}");
        assertThat(storage.download("image-info", missing + ".json")).as("a report for a missing image").isEqualTo(Optional.empty());
    }

    @Test
    @Graded(points = 10, step = 1)
    @DisplayName("a message that is not JSON ends on vision-info-poison")
    void aMessageThatIsNotJsonEndsOnThePoisonQueue(LabStorage storage, RunningHost host) {
        String garbage = "not json " + id();

        assertThat(poisoned(storage, host, garbage, garbage)).isEqualTo(garbage);
    }

    @Test
    @Graded(points = 10, step = 4)
    @DisplayName("the same message twice gives the same report and one row")
    void processingTwiceGivesTheSameResult(LabStorage storage, RunningHost host) {
        String name = analyse(storage, host, "twice-" + id() + ".png", TestPictures.picture("png", 50, 40, Color.ORANGE));
        JsonNode first = report(storage, name);
        row(storage, name);
        storage.blobs().getBlobContainerClient("image-info").getBlobClient(name + ".json").delete();

        analyse(storage, host, name, TestPictures.picture("png", 50, 40, Color.ORANGE));

        assertThat(report(storage, name)).as("the report written the second time").isEqualTo(first);
        List<TableEntity> rows = storage.tables().getTableClient("ImageInfo")
                .listEntities(new ListEntitiesOptions().setFilter("PartitionKey eq 'images' and RowKey eq '" + name + "'"), null, null)
                .stream().toList();
        assertThat(rows).as("rows for %s in ImageInfo", name).hasSize(1);
    }

    @Test
    @Graded(points = 10, step = 6)
    @DisplayName("the daily summary counts the images (run through the admin endpoint)")
    void theDailySummaryCountsTheImages(LabStorage storage, LabClient client, RunningHost host) {
        String name = analyse(storage, host, "summary-" + id() + ".png", TestPictures.picture("png", 40, 20, Color.PINK));
        row(storage, name);

        assertThat(client.runNow("dailySummary", "")).hasStatus(202);

        JsonNode summary = LabStorage.await("image-info/_summary.json with a count of at least 1", DEADLINE,
                () -> storage.download("image-info", "_summary.json").map(b -> parse(b, "image-info/_summary.json"))
                        .filter(json -> json.path("count").asInt() >= 1));
        assertThat(summary.path("totalBytes").asLong()).as("totalBytes in the summary").isPositive();
        assertThat(summary.path("formats").path("png").asInt()).as("formats.png in the summary").isPositive();
    }
}
