package io.github.jmlidentity.cli.report;

import io.github.jmlidentity.cli.CliException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A CSV file read by its header (RFC 4180, with jackson-dataformat-csv): each row as column → value, columns in any
 * order, unknown columns ignored, a UTF-8 byte order mark (as spreadsheets write it) accepted, quoted fields may
 * hold commas, quotes and line breaks, blank lines skipped. Streams row by row. A problem is a
 * {@link CliException} naming the file, the line the row starts on and the column (the report exits 2 on one).
 */
public final class CsvRows {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private CsvRows() {
    }

    /** One row: values by column name; {@code line} is where the row starts (1 is the header). */
    public record Row(String source, long line, Map<String, String> values) {
        /** The value stripped of surrounding blanks; empty when the column is empty. */
        public String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value.strip();
        }

        /** A problem with this row's value in {@code column}, to throw. */
        public CliException invalid(String column, String problem) {
            return new CliException(source + " line " + line + ", column " + column + ": " + problem);
        }
    }

    /**
     * Calls {@code each} with every row, in order.
     *
     * @param required columns the header must name and every row must have a field for
     */
    public static void read(Path file, List<String> required, Consumer<Row> each) {
        String source = file.toString();
        Cursor at = new Cursor();
        try (InputStream in = Files.newInputStream(file);
             CsvParser parser = (CsvParser) CSV.getFactory().createParser(in)) {
            parser.setSchema(CsvSchema.emptySchema().withHeader());
            JsonToken token = parser.nextToken();
            List<String> header = new ArrayList<>();
            parser.getSchema().forEach(column -> header.add(column.getName()));
            checkHeader(source, header, required);
            at.header = header;
            Map<String, String> values = null;
            for (; token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> {
                        values = new HashMap<>();
                        at.line = 0;
                        at.fields = 0;
                    }
                    case FIELD_NAME -> {
                        at.column = parser.currentName();
                        if (values.isEmpty()) {
                            // Where the row's first field starts (the object's own location is the previous row's end).
                            at.line = parser.currentTokenLocation().getLineNr();
                        }
                    }
                    case VALUE_STRING -> {
                        values.put(at.column, parser.getText());
                        at.fields++;
                    }
                    case END_OBJECT -> {
                        Row row = new Row(source, at.line, values);
                        for (String name : required) {
                            if (!values.containsKey(name)) {
                                throw row.invalid(name, "missing: the row has " + values.size() + " fields, the header "
                                        + header.size() + " (" + String.join(",", header) + ")");
                            }
                        }
                        each.accept(row);
                    }
                    default -> {
                    }
                }
            }
        } catch (NoSuchFileException missing) {
            throw new CliException(source + ": no such file", missing);
        } catch (JsonProcessingException malformed) {
            throw new CliException(at.describe(source, malformed.getLocation()) + ": not valid CSV: "
                    + malformed.getOriginalMessage(), malformed);
        } catch (IOException unreadable) {
            throw new CliException("Cannot read " + source + ": " + unreadable.getMessage(), unreadable);
        }
    }

    /**
     * Where the parser is: the line the current row starts on (0 before its first field) and the fields read of it,
     * so a malformed value is named by its column (the parser names a field only once its value is read).
     */
    private static final class Cursor {
        List<String> header = List.of();
        long line;
        int fields;
        String column;

        String describe(String source, JsonLocation failedAt) {
            long where = line > 0 ? line : failedAt == null ? 0 : failedAt.getLineNr();
            String reading = fields < header.size() ? header.get(fields) : null;
            return source + (where > 0 ? " line " + where : "") + (reading == null ? "" : ", column " + reading);
        }
    }

    private static void checkHeader(String source, List<String> header, List<String> required) {
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column)) {
                throw new CliException(source + " line 1: the header names column '" + column + "' twice");
            }
        }
        List<String> missing = required.stream().filter(column -> !seen.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new CliException(source + " line 1: the header must name the columns " + String.join(",", required)
                    + " (missing: " + String.join(",", missing) + "; found: " + String.join(",", header) + ")");
        }
    }
}
