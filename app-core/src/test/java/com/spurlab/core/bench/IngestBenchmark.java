package com.spurlab.core.bench;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetStatus;
import com.spurlab.core.dataset.DatasetValidation;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.project.ProjectService;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.UserService;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Ingest benchmark (issue 3): generates a manifest zip of N 64x64 PNGs (default 20 000), then uploads
 * and validates it through the real services (DatasetService.upload, DatasetValidation.validate) on an
 * H2 file database, and prints MB/s, images/s and the heap's peak. Run it with -Xmx512m: bench/ingest.sh.
 */
public final class IngestBenchmark {

    /** app-core's beans alone: no web, no Quartz (validation is called directly, as the job would). */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    // Other test configurations under com.spurlab.core (benchmark, tests) must not be picked up.
    @ComponentScan(basePackages = "com.spurlab.core",
            excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
    @EntityScan("com.spurlab.core")
    @EnableJpaRepositories("com.spurlab.core")
    static class CoreOnly {
    }

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path work = Path.of(args.length > 1 ? args[1] : "app-core/target/ingest-bench").toAbsolutePath();
        Path archive = work.resolve("bench-" + images + ".zip");
        if (!Files.exists(archive)) {
            Files.createDirectories(work);
            long t = System.nanoTime();
            generate(archive, images);
            System.out.printf(Locale.ROOT, "generated %s (%d images) in %.1f s%n", archive, images, secs(t));
        }
        Path data = work.resolve("data-" + System.currentTimeMillis());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CoreOnly.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                // Command-line arguments outrank the shared config/application.yml on the classpath.
                .run("--spurlab.data-dir=" + data,
                        "--spring.datasource.url=jdbc:h2:file:" + data + "/db/spurlab;DB_CLOSE_ON_EXIT=FALSE",
                        "--spring.profiles.active=bench", "--logging.level.root=WARN")) {
            run(context, archive, images);
        } finally {
            // The archive is kept for the next run; the ingested copy (database, blobs) is not.
            org.springframework.util.FileSystemUtils.deleteRecursively(data);
        }
    }

    private static void run(ConfigurableApplicationContext context, Path archive, int images) throws Exception {
        UserService users = context.getBean(UserService.class);
        var lead = users.createUnchecked("bench-lead", "bench-password", Role.LEAD, "Bench lead");
        long project = context.getBean(ProjectService.class)
                .createUnchecked("ingest bench", "benchmark", lead.getId(), List.of()).getId();
        var principal = users.loadUserByUsername("bench-lead");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        HeapSampler sampler = new HeapSampler();
        sampler.start();

        long bytes = Files.size(archive);
        long start = System.nanoTime();
        DatasetVersionView version;
        try (InputStream in = Files.newInputStream(archive)) {
            version = context.getBean(DatasetService.class).upload(project, "bench", archive.getFileName().toString(), in);
        }
        double uploadSecs = secs(start);
        long validateStart = System.nanoTime();
        DatasetStatus status = context.getBean(DatasetValidation.class).validate(version.id());
        double validateSecs = secs(validateStart);
        double total = secs(start);
        sampler.stopSampling();

        DatasetVersionView done = context.getBean(DatasetService.class).get(version.id());
        long poolPeaks = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "status %s, %d of %d images accepted, format %s (%s), cue flagged: %s%n", status,
                done.samples(), images, done.report().format(), done.report().archive(),
                done.composition().byAttribute().get("bg").suspectedCue());
        System.out.printf(Locale.ROOT, "archive %.1f MB: upload (stream to disk) %.1f s, validation %.1f s, total %.1f s%n",
                bytes / 1e6, uploadSecs, validateSecs, total);
        System.out.printf(Locale.ROOT, "ingest %.1f MB/s, %.0f images/s%n", bytes / 1e6 / total, images / total);
        System.out.printf(Locale.ROOT, "heap: max %d MB, peak used (sampled every 20 ms) %d MB, sum of pool peaks %d MB, "
                + "threads %d%n", Runtime.getRuntime().maxMemory() >> 20, sampler.peak >> 20, poolPeaks >> 20,
                Runtime.getRuntime().availableProcessors());
    }

    /** Ten labels, a "bg" attribute that follows the label in 90 % of train rows, 70/15/15 splits. */
    private static void generate(Path archive, int images) throws Exception {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("image,label,split,attr:bg\n");
        try (OutputStream os = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (int i = 0; i < images; i++) {
                int label = i % 10;
                String split = i % 20 < 14 ? "train" : i % 20 < 17 ? "val" : "test";
                boolean follows = split.equals("train") ? random.nextDouble() < 0.9 : random.nextBoolean();
                String bg = follows == (label < 5) ? "warm" : "cool";
                String name = "images/" + split + "/" + label + "/" + i + ".png";
                zip.putNextEntry(new ZipEntry(name));
                zip.write(png(random, label, bg.equals("warm")));
                zip.closeEntry();
                csv.append(name).append(",label").append(label).append(',').append(split).append(',').append(bg).append('\n');
            }
            zip.putNextEntry(new ZipEntry("manifest.csv"));
            zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /** A 64x64 picture: a tinted background, a shape per label, and sensor-like noise (so PNGs are not tiny). */
    private static byte[] png(Random random, int label, boolean warm) throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(warm ? new Color(200, 120 + random.nextInt(40), 60) : new Color(60, 120 + random.nextInt(40), 200));
        g.fillRect(0, 0, 64, 64);
        g.setColor(new Color(30 + label * 20, 30, 30));
        int x = 10 + random.nextInt(20);
        int y = 10 + random.nextInt(20);
        if (label % 2 == 0) {
            g.fillOval(x, y, 20 + label, 20 + label);
        } else {
            g.fillRect(x, y, 15 + label, 25);
        }
        g.dispose();
        for (int py = 0; py < 64; py++) {
            for (int px = 0; px < 64; px++) {
                int rgb = image.getRGB(px, py);
                int n = random.nextInt(9) - 4;
                int r = clamp(((rgb >> 16) & 0xFF) + n);
                int gg = clamp(((rgb >> 8) & 0xFF) + n);
                int b = clamp((rgb & 0xFF) + n);
                image.setRGB(px, py, (r << 16) | (gg << 8) | b);
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Samples used heap; the pool peaks alone overstate it (they peak at different moments). */
    private static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private volatile long peak;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            Runtime rt = Runtime.getRuntime();
            while (running) {
                peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }
    }
}
