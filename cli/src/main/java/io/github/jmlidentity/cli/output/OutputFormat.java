package io.github.jmlidentity.cli.output;

/** How a command prints its rows: an aligned table for people, JSON or CSV for scripts. */
public enum OutputFormat {
    TABLE, JSON, CSV
}
