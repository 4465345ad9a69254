package io.github.jmlidentity.functions.domain.reconcile;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The roster cannot be used: nothing is planned or applied from it (a snapshot with a row left out would make that
 * employee look absent, that is a leaver). Every problem names its line and field.
 */
public final class InvalidRosterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Problems named in the message; the rest are counted. */
    private static final int SHOWN = 20;
    private final transient List<RosterProblem> problems;

    public InvalidRosterException(String roster, List<RosterProblem> problems) {
        super(message(roster, problems));
        this.problems = List.copyOf(problems);
    }

    public List<RosterProblem> problems() {
        return problems;
    }

    private static String message(String roster, List<RosterProblem> problems) {
        String shown = problems.stream().limit(SHOWN).map(RosterProblem::toString).collect(Collectors.joining("; "));
        int more = problems.size() - SHOWN;
        return "roster " + roster + ": " + shown + (more > 0 ? "; and " + more + " more problem(s)" : "");
    }
}
