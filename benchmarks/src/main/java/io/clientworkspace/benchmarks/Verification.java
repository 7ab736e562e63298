package io.clientworkspace.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Facts a benchmark checks about its own run (rows written versus rows counted afterwards, chains
 * intact, bytes compared) handed from JMH's forked JVM to the runner through small property files in
 * the directory named by {@value #DIRECTORY_PROPERTY}.
 */
final class Verification {

    static final String DIRECTORY_PROPERTY = "cwk.bench.out";
    /** System property: the run's work directory ({@code benchmarks/target/bench-work}), for every scratch file. */
    static final String WORK_PROPERTY = "cwk.bench.work";

    private Verification() {
    }

    static Path directory() {
        return required(DIRECTORY_PROPERTY, "the directory for the benchmarks' verification files");
    }

    /** The run's work directory: database, files, jCasbin's model and policies, blob stores. */
    static Path work() {
        return required(WORK_PROPERTY, "the run's work directory");
    }

    private static Path required(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " (" + what + ") is not set; the runner"
                    + " (io.clientworkspace.benchmarks.RunAll) sets it for every benchmark JVM: run the suite through it");
        }
        return Path.of(value);
    }

    static synchronized void write(String name, Map<String, ?> facts) {
        Properties properties = new Properties();
        facts.forEach((k, v) -> properties.setProperty(k, String.valueOf(v)));
        try {
            Files.createDirectories(directory());
            try (Writer out = Files.newBufferedWriter(directory().resolve(name + ".properties"))) {
                properties.store(out, name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties read(String name) {
        Properties properties = new Properties();
        Path file = directory().resolve(name + ".properties");
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }
}
