package io.github.jmlidentity.cli.report;

import io.github.jmlidentity.cli.CliException;
import io.github.jmlidentity.cli.output.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The HR roster an access review compares against: CSV with a header {@code employeeId,userName,expectedGroups},
 * expected groups separated by semicolons. User names match ignoring case, as the Identity Store does.
 */
public final class Roster {
    /** One employee HR says should exist, with the groups HR expects. */
    public record Entry(String employeeId, String userName, Set<String> expectedGroups) {
    }

    private final Map<String, Entry> byUserName;

    private Roster(Map<String, Entry> byUserName) {
        this.byUserName = byUserName;
    }

    public static Roster read(Path file) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = lines.readLine();
            if (header == null || !Csv.parse(header.strip()).equals(List.of("employeeId", "userName", "expectedGroups"))) {
                throw new CliException("Roster " + file + ": the first line must be the header employeeId,userName,expectedGroups");
            }
            String line;
            int number = 1;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = Csv.parse(line);
                if (fields.size() != 3 || fields.get(0).isBlank() || fields.get(1).isBlank()) {
                    throw new CliException("Roster " + file + " line " + number
                            + ": expected employeeId,userName,expectedGroups with an employeeId and a userName, got: " + line);
                }
                Set<String> groups = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                Arrays.stream(fields.get(2).split(";")).map(String::strip).filter(g -> !g.isEmpty()).forEach(groups::add);
                Entry entry = new Entry(fields.get(0).strip(), fields.get(1).strip(), groups);
                if (entries.putIfAbsent(key(entry.userName()), entry) != null) {
                    throw new CliException("Roster " + file + " line " + number + ": user name '" + entry.userName() + "' appears twice");
                }
            }
        } catch (IOException unreadable) {
            throw new CliException("Cannot read roster " + file + ": " + unreadable.getMessage(), unreadable);
        }
        return new Roster(entries);
    }

    public Entry find(String userName) {
        return byUserName.get(key(userName));
    }

    public Collection<Entry> entries() {
        return byUserName.values();
    }

    private static String key(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }
}
