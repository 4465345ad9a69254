package io.github.jmlidentity.bench;

/** A benchmark whose name and goal are fixed: each run starts from a {@link #result()} that states the goal. */
abstract class GoalBenchmark implements Benchmark {

    private final String name;
    private final String goal;

    /** @param goal what the benchmark holds the code to, as the result table shows it */
    GoalBenchmark(String name, String goal) {
        this.name = name;
        this.goal = goal;
    }

    @Override
    public final String name() {
        return name;
    }

    /** A new result of this benchmark, with its goal. */
    final BenchResult result() {
        return new BenchResult(name, goal);
    }
}
