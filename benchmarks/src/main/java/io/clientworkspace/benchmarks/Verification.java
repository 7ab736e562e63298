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

    private Verification() {
    }

    static Path directory() {
        return Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/bench-out"));
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
