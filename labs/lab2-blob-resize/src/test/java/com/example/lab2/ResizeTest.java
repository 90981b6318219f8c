package com.example.lab2;

import dev.funclab.testkit.FinishedInvocation;
import dev.funclab.testkit.FunctionsHostTest;
import dev.funclab.testkit.Graded;
import dev.funclab.testkit.LabStorage;
import dev.funclab.testkit.RunningHost;
import dev.funclab.testkit.StepFailure;
import dev.funclab.testkit.Steps;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Uploads pictures to card-input and checks what lands in card-output (100 points). */
@FunctionsHostTest
class ResizeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /**
     * Uploads card-input/<name>.jpg, waits for the function to run, and returns card-output/<name>.jpg.
     * What every test needs from earlier steps is checked here, so that a failure names the earliest
     * unfinished one: the output binding (step 1), the bytes (step 3), the wiring (step 4).
     */
    private static byte[] card(LabStorage storage, RunningHost host, String name, byte[] picture) {
        Steps.require(1, () -> assertThat(host.bindingsOf("resizeCardImage"))
                .as("the bindings of resizeCardImage: an output binding (@BlobOutput, direction out) to card-output/{filename}.jpg")
                .anySatisfy(binding -> {
                    assertThat(binding.path("direction").asText()).isEqualTo("out");
                    assertThat(binding.path("path").asText()).isEqualTo("card-output/{filename}.jpg");
                }));
        storage.upload("card-input", name + ".jpg", picture);
        FinishedInvocation run = host.awaitInvocation("card-input/" + name + ".jpg", DEADLINE);
        if (!run.succeeded()) {
            throw new AssertionError("No card for card-input/" + name + ".jpg: " + run.describe());
        }
        byte[] card = storage.download("card-output", name + ".jpg").orElseThrow(() -> new StepFailure(4,
                "card-output/" + name + ".jpg was not written: the function succeeded without setting its @BlobOutput "
                        + "binding (thumbnail.setValue) (" + run.describe() + ")"));
        if (card.length == 0) {
            throw new StepFailure(3, "card-output/" + name + ".jpg is empty: CardImages.fitWithin must return the JPEG's bytes");
        }
        return card;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static BufferedImage resize(LabStorage storage, RunningHost host, byte[] picture) {
        return TestImages.read(card(storage, host, "card-" + shortId(), picture));
    }

    @Test
    @Graded(points = 15, step = 4)
    @DisplayName("a 1600x1000 landscape becomes 640x400")
    void landscapeFitsTheCard(LabStorage storage, RunningHost host) {
        BufferedImage card = resize(storage, host, TestImages.jpeg(1600, 1000));

        assertThat(card.getWidth()).as("width of the card made from a 1600x1000 picture").isEqualTo(640);
        assertThat(card.getHeight()).as("height of the card made from a 1600x1000 picture").isEqualTo(400);
    }

    @Test
    @Graded(points = 15, step = 3)
    @DisplayName("an 800x1200 portrait becomes 267x400, proportions kept")
    void portraitKeepsItsProportions(LabStorage storage, RunningHost host) {
        BufferedImage card = resize(storage, host, TestImages.jpeg(800, 1200));

        assertThat(card.getHeight()).as("height of the card made from an 800x1200 picture").isEqualTo(400);
        assertThat(card.getWidth()).as("width of the card made from an 800x1200 picture (400 * 800 / 1200)").isCloseTo(267, within(1));
    }

    @Test
    @Graded(points = 10, step = 3)
    @DisplayName("a 3000x500 panorama becomes 640 wide, about 107 high")
    void panoramaIsLimitedByItsWidth(LabStorage storage, RunningHost host) {
        BufferedImage card = resize(storage, host, TestImages.jpeg(3000, 500));

        assertThat(card.getWidth()).as("width of the card made from a 3000x500 picture").isEqualTo(640);
        assertThat(card.getHeight()).as("height of the card made from a 3000x500 picture (640 * 500 / 3000)").isCloseTo(107, within(1));
    }

    @Test
    @Graded(points = 10, step = 3)
    @DisplayName("a 320x200 picture is copied, never enlarged")
    void smallPicturesAreNeverEnlarged(LabStorage storage, RunningHost host) {
        BufferedImage card = resize(storage, host, TestImages.jpeg(320, 200));

        assertThat(card.getWidth()).as("width of the card made from a 320x200 picture").isEqualTo(320);
        assertThat(card.getHeight()).as("height of the card made from a 320x200 picture").isEqualTo(200);
    }

    @Test
    @Graded(points = 15, step = 4)
    @DisplayName("the card is a JPEG of the same picture (colours kept)")
    void theCardIsAJpegOfTheSamePicture(LabStorage storage, RunningHost host) {
        String name = "colours-" + shortId();
        byte[] bytes = card(storage, host, name, TestImages.jpeg(1000, 1000, Color.RED, Color.BLUE));

        assertThat(TestImages.isJpeg(bytes)).as("card-output/%s.jpg starts with the JPEG signature FF D8 FF", name).isTrue();
        BufferedImage card = TestImages.read(bytes);
        Color left = TestImages.averageColour(card, 0, 0, card.getWidth() / 2 - 10, card.getHeight());
        Color right = TestImages.averageColour(card, card.getWidth() / 2 + 10, 0, card.getWidth(), card.getHeight());
        assertThat(left.getRed()).as("red on the left half of the card (was red)").isGreaterThan(200);
        assertThat(left.getBlue()).as("blue on the left half of the card (was red)").isLessThan(60);
        assertThat(right.getBlue()).as("blue on the right half of the card (was blue)").isGreaterThan(200);
        assertThat(right.getRed()).as("red on the right half of the card (was blue)").isLessThan(60);
    }

    @Test
    @Graded(points = 15, step = 2)
    @DisplayName("a sideways phone photo (EXIF orientation 6) is turned upright")
    void exifOrientationIsRespected(LabStorage storage, RunningHost host) {
        // Stored 1200x800 (landscape) with "rotate 90 degrees to view": it shows as an 800x1200 portrait.
        BufferedImage card = resize(storage, host, TestImages.withOrientation(TestImages.jpeg(1200, 800), 6));

        assertThat(card.getHeight()).as("height of the card made from a sideways 1200x800 photo (upright: 800x1200)").isEqualTo(400);
        assertThat(card.getWidth()).as("width of the card made from a sideways 1200x800 photo (upright: 800x1200)").isCloseTo(267, within(1));
    }

    @Test
    @Graded(points = 20, step = 4)
    @DisplayName("a file that is not an image fails, ends on the poison queue, writes nothing")
    void aCorruptFileEndsOnThePoisonQueueAndWritesNothing(LabStorage storage, RunningHost host) {
        String name = "broken-" + shortId();
        storage.upload("card-input", name + ".jpg", "this is not a picture".getBytes());

        FinishedInvocation run = host.awaitInvocation("card-input/" + name + ".jpg", DEADLINE);
        assertThat(run.succeeded()).as("the function must fail for a file that is not an image, yet %s", run.describe()).isFalse();
        String poison = LabStorage.await("a message naming card-input/" + name + ".jpg on queue webjobs-blobtrigger-poison "
                        + "(the function must fail for a file that is not an image)", DEADLINE,
                () -> storage.receiveAll("webjobs-blobtrigger-poison").stream().filter(m -> m.contains(name)).findFirst());

        assertThat(poison).contains("\"ContainerName\":\"card-input\"").contains(name + ".jpg");
        assertThat(storage.download("card-output", name + ".jpg")).as("card-output/%s.jpg", name).isEqualTo(Optional.empty());
    }
}
