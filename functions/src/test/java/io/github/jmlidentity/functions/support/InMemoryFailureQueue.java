package io.github.jmlidentity.functions.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jmlidentity.functions.adapter.json.PermanentFailureMessage;
import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.port.out.FailureQueue;

import java.util.ArrayList;
import java.util.List;

/** The processing failure queue's test twin: keeps the messages SQS would get, or refuses them like an unreachable SQS. */
public final class InMemoryFailureQueue implements FailureQueue {

    private final List<String> messages = new ArrayList<>();
    private volatile boolean unavailable;

    @Override
    public synchronized void send(AuditRecord failure, byte[] envelope) {
        if (unavailable) {
            throw new IllegalStateException("SQS unavailable (test)");
        }
        messages.add(PermanentFailureMessage.toJson(envelope, failure));
    }

    /** From now on every send fails. */
    public void becomeUnavailable() {
        unavailable = true;
    }

    public synchronized List<JsonNode> messages() {
        return messages.stream().map(StoryWorld::json).toList();
    }
}
