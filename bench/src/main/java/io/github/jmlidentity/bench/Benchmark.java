package io.github.jmlidentity.bench;

/** One benchmark of issue 7. */
public interface Benchmark {

    /** Short name for --only, e.g. "api-calls". */
    String name();

    BenchResult run(BenchContext context) throws Exception;
}
