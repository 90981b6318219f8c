package dev.funclab.bench;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerAsyncClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.ListBlobsOptions;
import dev.funclab.runtime.HostOptions;
import net.coobird.thumbnailator.Thumbnails;
import reactor.core.publisher.Flux;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Image resize: Lab 2's solution through the host (upload to {@code card-input}, card written to
 * {@code card-output}) against the same Thumbnailator calls made directly on the same images, as many at once
 * as there are cores. The images are phone photos' size (12 megapixels, made from the kit's samples): what
 * students upload, and enough work per image that the figure is about resizing, not about tiny transfers.
 */
final class ResizeBenchmark implements Benchmark {

    /** Sample, and the size of the photo made from it. */
    private static final Map<String, int[]> PHOTOS = Map.of("landscape.jpg", new int[]{4032, 3024},
            "portrait.jpg", new int[]{3024, 4032});

    @Override
    public String name() {
        return "resize";
    }

    @Override
    public String description() {
        return "image resize: Lab 2's function through the host vs Thumbnailator called directly on the same images";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        int rounds = context.rounds(5);
        int count = context.size(24, 8);
        List<byte[]> images = new ArrayList<>();
        for (Map.Entry<String, int[]> photo : PHOTOS.entrySet()) {
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            Thumbnails.of(context.kit().resolve("labs/samples").resolve(photo.getKey()).toFile())
                    .forceSize(photo.getValue()[0], photo.getValue()[1]).outputFormat("jpg").outputQuality(0.9).toOutputStream(jpeg);
            images.add(jpeg.toByteArray());
        }
        String storage = context.storage();
        var service = new BlobServiceClientBuilder().connectionString(storage);
        BlobContainerAsyncClient input = service.buildAsyncClient().getBlobContainerAsyncClient("card-input");
        BlobContainerClient output = service.buildClient().getBlobContainerClient("card-output");
        input.createIfNotExists().block();
        output.createIfNotExists();
        ExecutorService cores = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Double> host = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        Path lab2 = context.kit().resolve("solutions/lab2-blob-resize");
        // The host's own console says when a card is written (outputs are written before the Executed line):
        // polling storage for the cards would load Azurite, and so the host, with the measurement itself.
        Semaphore cards = new Semaphore(0);
        try (HostRun ignored = HostRun.start(HostOptions.forApp(lab2).withEnvironment(Map.of("AzureWebJobsStorage", storage)),
                context.folder("resize").resolve("host.log"), line -> {
                    if (line.contains("Executed 'Functions.resizeCardImage' (Succeeded")) {
                        cards.release();
                    }
                })) {
            // Unmeasured turns until the JIT is done with both sides, or half a minute: the host's side runs the storage
            // SDK's code too, and measured right after one warm round its compilers still took a core for seconds a
            // round (1 in 20 turns of 8 photos still compiles more than 2% of the time: the SDK's rarer paths).
            // First many small photos: they run the storage calls of a card hundreds of times in seconds.
            byte[] small = smallPhoto(images.get(0));
            for (int i = 0; i < 5; i++) {
                throughHost(input, output, cards, List.of(small), 100, "small" + i);
            }
            int[] turn = {0};
            context.progress("resize: warming up: " + JitWarmUp.run(() -> {
                String name = "warm" + turn[0]++;
                return String.format("host %.1f/s, directly %.1f/s", 8 / throughHost(input, output, cards, images, 8, name),
                        8 / directly(cores, images, 8));
            }, Duration.ofSeconds(context.size(30, 15))) + " (8 images each)");
            for (int round = 1; round <= rounds; round++) {
                // Each side goes first every other round: what one leaves behind (garbage, the host's receipts)
                // then weighs on both alike.
                double hostRate;
                double directRate;
                if (round % 2 == 1) {
                    hostRate = count / throughHost(input, output, cards, images, count, "r" + round);
                    directRate = count / directly(cores, images, count);
                } else {
                    directRate = count / directly(cores, images, count);
                    hostRate = count / throughHost(input, output, cards, images, count, "r" + round);
                }
                host.add(hostRate);
                direct.add(directRate);
                context.progress(String.format("resize: round %d/%d: %d images, host %.1f/s, Thumbnailator directly %.1f/s",
                        round, rounds, count, hostRate, directRate));
            }
        } finally {
            cores.shutdown();
        }
        return List.of(Figure.rate("resize: Lab 2 through the host vs Thumbnailator", "images/s", new Samples(host),
                new Samples(direct), Goal.ratioAtLeast(0.8)));
    }

    /** Seconds from the first upload until the host has written every card (checked in storage afterwards). */
    private static double throughHost(BlobContainerAsyncClient input, BlobContainerClient output, Semaphore cards,
                                      List<byte[]> images, int count, String round) throws InterruptedException {
        long started = System.nanoTime();
        Flux.range(0, count).flatMap(i -> input.getBlobAsyncClient("bench-" + round + "-" + i + ".jpg")
                .upload(BinaryData.fromBytes(images.get(i % images.size())), true), 8).blockLast();
        if (!cards.tryAcquire(count, 2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the host did not resize " + count + " images within 2 minutes: see its console, "
                    + "host.log in the benchmark's folder");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Set<String> written = new HashSet<>();
        output.listBlobs(new ListBlobsOptions().setPrefix("bench-" + round + "-"), null).forEach(blob -> written.add(blob.getName()));
        for (int i = 0; i < count; i++) {
            if (!written.contains("bench-" + round + "-" + i + ".jpg")) {
                throw new IllegalStateException("card-output/bench-" + round + "-" + i + ".jpg is missing after the host "
                        + "reported every resize done");
            }
        }
        return seconds;
    }

    /** A 640x480 copy of a photo: a card made from it costs the storage calls of a big one and little resizing. */
    private static byte[] smallPhoto(byte[] photo) throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        Thumbnails.of(new ByteArrayInputStream(photo)).size(640, 480).outputFormat("jpg").toOutputStream(jpeg);
        return jpeg.toByteArray();
    }

    /** Seconds to make the same cards with the lab's own steps (upright, fit within 640x400, JPEG 0.85). */
    private static double directly(ExecutorService cores, List<byte[]> images, int count) throws Exception {
        long started = System.nanoTime();
        List<Future<byte[]>> cards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] image = images.get(i % images.size());
            cards.add(cores.submit(() -> card(image)));
        }
        for (Future<byte[]> card : cards) {
            card.get();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static byte[] card(byte[] image) throws IOException {
        BufferedImage upright = Thumbnails.of(new ByteArrayInputStream(image)).scale(1.0).useExifOrientation(true).asBufferedImage();
        Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(upright).outputFormat("jpg").outputQuality(0.85);
        if (upright.getWidth() <= 640 && upright.getHeight() <= 400) {
            builder.scale(1.0);
        } else {
            builder.size(640, 400).keepAspectRatio(true);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.toOutputStream(out);
        return out.toByteArray();
    }
}
