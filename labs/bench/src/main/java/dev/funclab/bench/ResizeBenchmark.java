package dev.funclab.bench;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerAsyncClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        try (HostRun ignored = HostRun.start(HostOptions.forApp(lab2).withEnvironment(Map.of("AzureWebJobsStorage", storage)),
                context.folder("resize").resolve("host.log"), null)) {
            // One round unmeasured: the first cards load classes and warm the JIT on both sides.
            throughHost(input, output, images, Math.min(count, 4), "warm");
            directly(cores, images, Math.min(count, 4));
            for (int round = 1; round <= rounds; round++) {
                double hostRate = count / throughHost(input, output, images, count, "r" + round);
                double directRate = count / directly(cores, images, count);
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

    /** Seconds from the first upload until every card is written. */
    private static double throughHost(BlobContainerAsyncClient input, BlobContainerClient output, List<byte[]> images,
                                      int count, String round) throws InterruptedException {
        long started = System.nanoTime();
        Flux.range(0, count).flatMap(i -> input.getBlobAsyncClient("bench-" + round + "-" + i + ".jpg")
                .upload(BinaryData.fromBytes(images.get(i % images.size())), true), 8).blockLast();
        long deadline = started + Duration.ofMinutes(2).toNanos();
        for (int i = 0; i < count; i++) {
            var card = output.getBlobClient("bench-" + round + "-" + i + ".jpg");
            while (!card.exists()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("card " + card.getBlobName() + " not written within 2 minutes");
                }
                Thread.sleep(10);
            }
        }
        return (System.nanoTime() - started) / 1e9;
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
