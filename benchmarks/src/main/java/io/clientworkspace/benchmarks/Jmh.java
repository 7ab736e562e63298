package io.clientworkspace.benchmarks;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** Runs JMH programmatically and looks results up by method, mode and parameter. */
final class Jmh {

    private final Collection<RunResult> results;

    private Jmh(Collection<RunResult> results) {
        this.results = results;
    }

    /**
     * Runs every benchmark method of {@code benchmark} with the timing given, the parameter values
     * given (none if {@code param} is null) and exactly {@code jvmArgs} as the forked JVMs' arguments.
     */
    static Jmh run(Class<?> benchmark, Settings settings, Settings.Timing timing, @Nullable String param, int @Nullable [] values,
                   List<String> jvmArgs) throws RunnerException {
        return run(benchmark, null, null, settings, timing, param, values, jvmArgs);
    }

    /**
     * Like {@link #run(Class, Settings, Settings.Timing, String, int[], List)}, but only the methods named
     * in {@code methods} (all if null) and in {@code mode} (the class's own modes if null).
     *
     * <p>The forked JVMs get exactly {@code jvmArgs}, not the runner's own arguments plus these: a runner
     * started with, say, {@code java -Xms2g -jar} must not change (or break) the heap the benchmarks run in.
     */
    static Jmh run(Class<?> benchmark, @Nullable List<String> methods, @Nullable Mode mode, Settings settings,
                   Settings.Timing timing, @Nullable String param, int @Nullable [] values, List<String> jvmArgs) throws RunnerException {
        String include = "^" + Pattern.quote(benchmark.getName()) + "\\."
                + (methods == null ? "" : "(" + String.join("|", methods) + ")$");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .forks(settings.forks())
                .warmupIterations(timing.warmupIterations())
                .measurementIterations(timing.measurementIterations())
                .shouldFailOnError(true)
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .jvmArgsAppend()
                .jvmArgsPrepend();
        if (mode != null) {
            options.mode(mode);
        }
        if (settings.smoke()) {
            // A smoke run inside the build: failures still surface as exceptions with their causes.
            options.verbosity(VerboseMode.SILENT);
        }
        if (timing.measurementTime() != TimeValue.NONE) {
            options.warmupTime(timing.warmupTime()).measurementTime(timing.measurementTime());
        }
        if (param != null) {
            List<String> strings = new ArrayList<>();
            for (int v : requireNonNull(values, "a param comes with its values")) {
                strings.add(Integer.toString(v));
            }
            options.param(param, strings.toArray(String[]::new));
        }
        return new Jmh(new Runner(options.build()).run());
    }

    /** The primary result of {@code method} in {@code mode} with {@code param} = {@code value} (either may be null). */
    Optional<Result<?>> find(String method, Mode mode, @Nullable String param, @Nullable Object value) {
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            if (!name.endsWith("." + method) || r.getParams().getMode() != mode) {
                continue;
            }
            if (param != null && !String.valueOf(value).equals(r.getParams().getParam(param))) {
                continue;
            }
            return Optional.of(r.getPrimaryResult());
        }
        return Optional.empty();
    }

    /** The score (mean) of a result, or NaN if it was not run. */
    double score(String method, Mode mode, @Nullable String param, @Nullable Object value) {
        return find(method, mode, param, value).map(Result::getScore).orElse(Double.NaN);
    }

    /** The 99.9 % confidence half-width of a result, or NaN. */
    double error(String method, Mode mode, @Nullable String param, @Nullable Object value) {
        return find(method, mode, param, value).map(Result::getScoreError).orElse(Double.NaN);
    }

    /** A percentile of a sampled result, or NaN. */
    double percentile(String method, @Nullable String param, @Nullable Object value, double percentile) {
        return find(method, Mode.SampleTime, param, value)
                .map(r -> r.getStatistics().getPercentile(percentile)).orElse(Double.NaN);
    }
}
