package io.github.jmlidentity.functions.adapter.in;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.HrEventResult;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An invocation's deadline is the handler's clock plus Lambda's remaining time, not the machine's "now". */
class LifecycleHandlerClockTest {

    private static final Instant NOW = Instant.parse("2031-06-01T12:00:00Z");

    @Test
    void the_deadline_is_the_clock_plus_the_remaining_time() throws Exception {
        // GIVEN a joiner handler on a clock set in 2031, and functions that record the request they get
        List<HrEventRequest> requests = new ArrayList<>();
        var functions = LifecycleFunctions.builder().directory(new io.github.jmlidentity.functions.support.InMemoryIdentityDirectory())
                .ledgerInMemory().rules(io.github.jmlidentity.functions.support.StoryWorld.SHIPPED_RULES)
                .accountAssignments(io.github.jmlidentity.functions.application.port.out.AccountAssignments.NONE)
                .auditLines(line -> { }).build();
        JoinerHandler handler = new JoinerHandler(request -> {
            requests.add(request);
            HrEventResult result = functions.process(request);
            return new HrEventResult(result.audit(), true, null);
        }, Clock.fixed(NOW, ZoneOffset.UTC));

        // WHEN Lambda invokes it with 30 s left
        handler.handleRequest(new ByteArrayInputStream(Fixtures.event("joiner.json")), new ByteArrayOutputStream(),
                contextWithMillisLeft(30_000));

        // THEN the functions are given until 30 s after the clock's now
        assertThat(requests).singleElement().satisfies(r -> assertThat(r.deadline()).isEqualTo(NOW.plusSeconds(30)));
    }

    private static Context contextWithMillisLeft(int millis) {
        return new Context() {
            @Override public String getAwsRequestId() { return "req-1"; }
            @Override public String getLogGroupName() { return "/jml-identity/test"; }
            @Override public String getLogStreamName() { return "stream"; }
            @Override public String getFunctionName() { return "joiner"; }
            @Override public String getFunctionVersion() { return "1"; }
            @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:111122223333:function:joiner"; }
            @Override public CognitoIdentity getIdentity() { return null; }
            @Override public ClientContext getClientContext() { return null; }
            @Override public int getRemainingTimeInMillis() { return millis; }
            @Override public int getMemoryLimitInMB() { return 1024; }
            @Override public LambdaLogger getLogger() { return null; }
        };
    }
}
