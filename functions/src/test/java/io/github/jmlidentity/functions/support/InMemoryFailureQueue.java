package io.github.jmlidentity.functions.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jmlidentity.functions.port.FailureQueue;

import java.util.ArrayList;
import java.util.List;

/** The processing failure queue's test twin: keeps the messages, or refuses them like an unreachable SQS. */
public final class InMemoryFailureQueue implements FailureQueue {

    private final List<String> messages = new ArrayList<>();
    private volatile boolean unavailable;

    @Override
    public synchronized void send(String messageBody) {
        if (unavailable) {
            throw new IllegalStateException("SQS unavailable (test)");
        }
        messages.add(messageBody);
    }

    /** From now on every send fails. */
    public void becomeUnavailable() {
        unavailable = true;
    }

    public synchronized List<JsonNode> messages() {
        return messages.stream().map(StoryWorld::json).toList();
    }
}
