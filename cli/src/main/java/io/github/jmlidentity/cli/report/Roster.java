package io.github.jmlidentity.cli.report;

import io.github.jmlidentity.cli.CliException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The HR roster an access review compares against: CSV ({@link CsvRows}) whose header names at least
 * {@code employeeId,userName,expectedGroups}, in any order (other columns are ignored); expected groups separated by
 * semicolons (or line breaks inside the quoted field). User names match ignoring case, as the Identity Store does.
 */
public final class Roster {
    static final List<String> COLUMNS = List.of("employeeId", "userName", "expectedGroups");

    /** One employee HR says should exist, with the groups HR expects. */
    public record Entry(String employeeId, String userName, Set<String> expectedGroups) {
    }

    private final Map<String, Entry> byUserName;

    private Roster(Map<String, Entry> byUserName) {
        this.byUserName = byUserName;
    }

    /** @throws CliException naming the file, line and column of the first problem */
    public static Roster read(Path file) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        CsvRows.read(file, COLUMNS, row -> {
            String employeeId = row.get("employeeId");
            if (employeeId.isEmpty()) {
                throw row.invalid("employeeId", "empty; every employee needs one");
            }
            String userName = row.get("userName");
            if (userName.isEmpty()) {
                throw row.invalid("userName", "empty; employee " + employeeId + " needs the user name to compare");
            }
            Set<String> groups = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            Arrays.stream(row.get("expectedGroups").split("[;\\r\\n]+")).map(String::strip).filter(g -> !g.isEmpty())
                    .forEach(groups::add);
            Long earlier = lines.putIfAbsent(key(userName), row.line());
            if (earlier != null) {
                throw row.invalid("userName", "'" + userName + "' appears twice (also line " + earlier + ")");
            }
            entries.put(key(userName), new Entry(employeeId, userName, groups));
        });
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
