package io.github.jmlidentity.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark measured: named figures (for the JSON), table rows (for people), the goal and whether it
 * was met. A benchmark fails the run only when {@code failsRun} is set (the API-call minimum is a hard rule;
 * the other goals are reported).
 */
public final class BenchResult {

    public enum Status { MET, MISSED, FAILED, SKIPPED }

    private final String name;
    private final String goal;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Status status = Status.MET;
    private boolean failsRun;
    private double seconds;

    public BenchResult(String name, String goal) {
        this.name = name;
        this.goal = goal;
    }

    public BenchResult figure(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    public BenchResult row(String what, String value) {
        rows.add(new String[] {what, value});
        return this;
    }

    public BenchResult note(String text) {
        notes.add(text);
        return this;
    }

    /** Goal missed: reported, the run still passes. */
    public BenchResult missed(String why) {
        if (status == Status.MET) {
            status = Status.MISSED;
        }
        return note("goal missed: " + why);
    }

    /** A hard failure: the run exits non-zero. */
    public BenchResult failed(String why) {
        status = Status.FAILED;
        failsRun = true;
        return note("FAILED: " + why);
    }

    public BenchResult skipped(String why) {
        status = Status.SKIPPED;
        return note("skipped: " + why);
    }

    void seconds(double value) {
        this.seconds = value;
    }

    public String name() {
        return name;
    }

    public String goal() {
        return goal;
    }

    public Status status() {
        return status;
    }

    public boolean failsRun() {
        return failsRun;
    }

    public Map<String, Object> figures() {
        return figures;
    }

    public List<String[]> rows() {
        return rows;
    }

    public List<String> notes() {
        return notes;
    }

    public double seconds() {
        return seconds;
    }
}
