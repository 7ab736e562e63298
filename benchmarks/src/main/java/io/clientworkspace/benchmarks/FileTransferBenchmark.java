package io.clientworkspace.benchmarks;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileDownload;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.tck.SampleFiles;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewWorkspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 2: a 1 GiB file through the kit's file service, in a JVM whose heap is capped at 64 MiB
 * (the runner forks it with exactly {@code -Xmx64m} and its system properties, nothing inherited), against copying a same-size file on the same disk.
 *
 * <ul>
 *   <li>{@link #upload}: {@code kit.files().upload} of a generated stream (a PDF header, then
 *       pseudo-random bytes): Tika detection on the first 64 KiB, SHA-256 of every byte, the filesystem
 *       blob store writing a temporary file, forcing it to disk, renaming it into place;</li>
 *   <li>{@link #download}: {@code kit.files().download} of that file (the stream verifies the SHA-256
 *       as it reads) written to a file on the same disk;</li>
 *   <li>{@link #sha256Only}: just SHA-256 over the generated stream, no I/O: the floor under any upload
 *       or download that hashes every byte;</li>
 *   <li>{@link #filesCopy}: {@code Files.copy} of a same-size file in this JVM;</li>
 *   <li>{@link #cp}: {@code cp} of that file, as a separate process;</li>
 *   <li>{@link #cpAndSync}: {@code cp} followed by {@code sync} of the copy, which makes it as durable as
 *       an upload.</li>
 * </ul>
 *
 * <p>Metadata lives in the in-memory stores (a few rows per upload; the database is not what this
 * measures). Every copy is deleted after each iteration.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx64m"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class FileTransferBenchmark {

    /** System property: bytes per transfer (1 GiB when not set). */
    static final String BYTES_PROPERTY = "cwk.bench.fileBytes";

    /**
     * Where the files go (the run's work directory, on the disk under test) and the copy's target. Before
     * every iteration, {@code sync}: nothing written earlier (a previous iteration's copy, another
     * benchmark's files, the database) may still be on its way to the disk while this one is timed.
     */
    @State(Scope.Benchmark)
    public static class Disk {
        Path directory;
        long bytes;
        Path target;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            bytes = Long.getLong(BYTES_PROPERTY, 1L << 30);
            directory = Verification.work().resolve("files");
            Files.createDirectories(directory);
            target = directory.resolve("copy.pdf");
        }

        @Setup(Level.Iteration)
        public void flush() throws IOException, InterruptedException {
            run("sync");
        }

        @TearDown(Level.Iteration)
        public void deleteCopy() throws IOException {
            Files.deleteIfExists(target);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            Files.deleteIfExists(target);
        }
    }

    /**
     * The file the copies read: written once per trial of a copy benchmark (only those read it) and forced
     * to disk at once, so that its write-back does not overlap anything timed. It stays in the page cache.
     */
    @State(Scope.Benchmark)
    public static class Source {
        Path file;

        @Setup(Level.Trial)
        public void setUp(Disk disk) throws IOException {
            file = disk.directory.resolve("source.pdf");
            try (InputStream in = generatedPdf(disk.bytes)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    /** A kit with a filesystem blob store in its own directory, one tenant and one workspace. */
    abstract static class KitState {
        WorkspaceKit kit;
        Actor lead;
        WorkspaceId workspace;
        Path blobs;

        @Initializer
        void open(Disk disk, String name) throws IOException {
            blobs = disk.directory.resolve(name);
            RunAll.deleteRecursively(blobs);
            kit = WorkspaceKit.builder().blobStore(new FileSystemBlobStore(blobs)).build();
            Tenant tenant = kit.tenants().create("Files", UserId.of("alice"));
            lead = Actor.team(tenant.id(), "alice");
            workspace = kit.workspaces().create(lead, NewWorkspace.of("Acme", "acme")).id();
        }

        FileAsset upload(long bytes) throws IOException {
            try (InputStream in = generatedPdf(bytes)) {
                return kit.files().upload(lead, workspace, NewUpload.of("report.pdf", "application/pdf"), in);
            }
        }

        void close(String name, long bytes) throws IOException {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("bytes", bytes);
            facts.put("maxHeap", Runtime.getRuntime().maxMemory());
            facts.put("peakHeap", peakHeap());
            Verification.write(name, facts);
            RunAll.deleteRecursively(blobs);
        }
    }

    /** For uploads; each iteration's blob is deleted afterwards. */
    @State(Scope.Benchmark)
    public static class Uploads extends KitState {
        @Setup(Level.Trial)
        public void setUp(Disk disk) throws IOException {
            open(disk, "upload-blobs");
        }

        @TearDown(Level.Iteration)
        public void deleteBlobs() throws IOException {
            try (var paths = Files.list(blobs)) {
                for (Path p : paths.toList()) {
                    RunAll.deleteRecursively(p);
                }
            }
        }

        @TearDown(Level.Trial)
        public void tearDown(Disk disk) throws IOException {
            close("files-upload", disk.bytes);
        }
    }

    /** For downloads: one file uploaded before timing. */
    @State(Scope.Benchmark)
    public static class Downloads extends KitState {
        FileAsset file;

        @Setup(Level.Trial)
        public void setUp(Disk disk) throws IOException {
            open(disk, "download-blobs");
            file = upload(disk.bytes);
        }

        @TearDown(Level.Trial)
        public void tearDown(Disk disk) throws IOException {
            close("files-download", disk.bytes);
        }
    }

    @Benchmark
    public FileAsset upload(Disk disk, Uploads uploads) throws IOException {
        return uploads.upload(disk.bytes);
    }

    @Benchmark
    public long download(Disk disk, Downloads downloads) throws IOException {
        long copied;
        try (FileDownload d = downloads.kit.downloads().download(downloads.lead, downloads.workspace, downloads.file.id(),
                OptionalInt.empty()); OutputStream out = Files.newOutputStream(disk.target)) {
            copied = d.content().transferTo(out);
        }
        if (copied != disk.bytes) {
            throw new IllegalStateException("downloaded " + copied + " of " + disk.bytes + " bytes");
        }
        return copied;
    }

    @Benchmark
    public byte[] sha256Only(Disk disk) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = generatedPdf(disk.bytes)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                sha.update(buffer, 0, n);
            }
        }
        return sha.digest();
    }

    @Benchmark
    public long filesCopy(Disk disk, Source source) throws IOException {
        Files.copy(source.file, disk.target, StandardCopyOption.REPLACE_EXISTING);
        return Files.size(disk.target);
    }

    @Benchmark
    public int cp(Disk disk, Source source) throws IOException, InterruptedException {
        return run("cp", source.file.toString(), disk.target.toString());
    }

    @Benchmark
    public int cpAndSync(Disk disk, Source source) throws IOException, InterruptedException {
        run("cp", source.file.toString(), disk.target.toString());
        return run("sync", disk.target.toString());
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
        return exit;
    }

    /** An upper bound of the heap in use at its fullest: the sum of every heap pool's peak. */
    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /**
     * {@code size} bytes that Tika takes for a PDF, produced without holding more than a 1 MiB block (the same
     * bytes as before the generator moved to the TCK).
     */
    static InputStream generatedPdf(long size) {
        return SampleFiles.repeatedBlocks(PDF_HEADER, size);
    }

    private static final byte[] PDF_HEADER = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
}
