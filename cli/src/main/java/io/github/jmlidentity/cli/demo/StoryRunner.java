package io.github.jmlidentity.cli.demo;

import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.application.port.in.ScheduledChanges;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import io.github.jmlidentity.functions.domain.EventKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays the story: route each event, run the real handler code (or the scheduler, once the story's time has moved
 * on), print what happened, check what must hold.
 */
final class StoryRunner {
    private final EventRouter router;
    private final ProcessHrEvent functions;
    private final ScheduledChanges scheduled;
    private final StoryTime time;
    private final DirectoryView directory;
    private final PrintWriter out;
    private final Path base;

    StoryRunner(EventRouter router, LifecycleFunctions.Functions functions, StoryTime time, DirectoryView directory,
                PrintWriter out, Path base) {
        this.router = router;
        this.functions = functions.events();
        this.scheduled = functions.scheduled();
        this.time = time;
        this.directory = directory;
        this.out = out;
        this.base = base;
    }

    /** Runs every step (a mismatch does not stop the story) and returns how many matched their expectation. */
    int run(Story story) {
        int matched = 0;
        for (int i = 0; i < story.steps().size(); i++) {
            Story.Step step = story.steps().get(i);
            out.printf("%n[%d/%d] %s%n", i + 1, story.steps().size(), step.title());
            if (step.now() != null) {
                time.set(step.now());
                out.printf("      time moves on: it is now %s%n", step.now());
            }
            List<String> mismatches = step.runsDue() ? runDue(step) : runStep(step);
            if (mismatches.isEmpty()) {
                matched++;
                out.println("      ok");
            } else {
                mismatches.forEach(m -> out.println("      MISMATCH: " + m));
            }
            out.flush();
        }
        return matched;
    }

    /** The protected users' groups after the whole story. */
    List<String> untouchedMismatches(Map<String, List<String>> untouched) {
        List<String> mismatches = new ArrayList<>();
        untouched.forEach((userName, groups) -> {
            Optional<List<String>> actual = directory.groupsOf(userName);
            if (actual.isEmpty() || !actual.get().equals(groups)) {
                mismatches.add(userName + " should still be in " + groups + " but is " + actual.map(Object::toString).orElse("gone"));
            }
        });
        return mismatches;
    }

    /** The scheduler's run, as the deployed one does every 5 minutes: each due change through the same functions. */
    private List<String> runDue(Story.Step step) {
        out.println("      scheduler: jml scheduled run-due --now " + time.instant());
        List<String> outcomes = new ArrayList<>();
        ScheduledChanges.DueRun run = scheduled.runDue(null, result -> {
            outcomes.add(result.outcome().name());
            out.println("      " + AuditLine.readable(result.audit()));
        });
        if (run.results().isEmpty()) {
            out.println("      nothing is due; pending: " + scheduled.pending().stream()
                    .map(p -> p.change().label() + " " + p.change().hrEventId() + " due " + p.change().dueAt())
                    .toList());
        }
        List<String> mismatches = new ArrayList<>();
        if (!outcomes.equals(step.outcomes())) {
            mismatches.add("expected the due changes to end " + step.outcomes() + ", got " + outcomes);
        }
        checkDirectory(step, mismatches);
        return mismatches;
    }

    private List<String> runStep(Story.Step step) {
        byte[] envelope;
        try {
            envelope = Files.readAllBytes(step.event());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read story event " + step.event(), unreadable);
        }
        List<String> mismatches = new ArrayList<>();
        Optional<String> routed = router.route(envelope);
        String function = routed.orElse(step.function());
        out.printf("      %s -> %s%n", base.relativize(step.event().toAbsolutePath()),
                routed.map(f -> "rule " + f + " -> " + f + " function").orElse("no rule matches: sent to the " + function + " function directly"));
        if (step.function() != null && !step.function().equals(function)) {
            mismatches.add("expected the " + step.function() + " function, routed to " + function);
        }
        AuditRecord audit = functions.process(HrEventRequest.envelope(envelope)
                .expecting(EventKind.fromFunctionName(function).orElse(null))).audit();
        out.println("      " + AuditLine.readable(audit));
        if (!audit.outcome().name().equals(step.outcome())) {
            mismatches.add("expected outcome " + step.outcome() + ", got " + audit.outcome());
        }
        String reason = audit.verdict().reason();
        if (step.reasonContains() != null && (reason == null || !reason.contains(step.reasonContains()))) {
            mismatches.add("expected a reason naming " + step.reasonContains() + ", got " + reason);
        }
        checkDirectory(step, mismatches);
        return mismatches;
    }

    private void checkDirectory(Story.Step step, List<String> mismatches) {
        step.groups().forEach((userName, expected) -> {
            Optional<List<String>> actual = directory.groupsOf(userName);
            if (actual.isEmpty()) {
                mismatches.add(userName + " should exist with " + expected + " but does not exist");
            } else if (!actual.get().equals(expected)) {
                mismatches.add(userName + " should be in " + expected + " but is in " + actual.get());
            }
        });
        for (String userName : step.absent()) {
            if (directory.groupsOf(userName).isPresent()) {
                mismatches.add(userName + " should not exist any more");
            }
        }
    }
}
