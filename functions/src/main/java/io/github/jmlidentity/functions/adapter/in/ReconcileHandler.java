package io.github.jmlidentity.functions.adapter.in;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.jmlidentity.functions.adapter.json.ReconcileJson;
import io.github.jmlidentity.functions.application.port.in.ReconcileRequest;
import io.github.jmlidentity.functions.application.port.in.ReconcileResult;
import io.github.jmlidentity.functions.wiring.ReconcileFunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The reconcile function's thin Lambda handler: a roster landed in the roster bucket (S3 → EventBridge), or the
 * schedule fired; apply it with the deployed settings (adoption, leaver cap), and log one summary line. A refused
 * roster, a conflict, a failure or withheld leavers set the summary's alarm field, which raises the alarm: nothing
 * destructive was applied for them, and running again (a new roster, or the same one) is the redrive.
 */
public final class ReconcileHandler implements RequestStreamHandler {

    private final ReconcileFunctions.Deployed reconcile;
    private final Consumer<String> log;

    /** Used by Lambda: wired from the environment during init. */
    public ReconcileHandler() {
        this(Container.RECONCILE, System.out::println);
    }

    public ReconcileHandler(ReconcileFunctions.Deployed reconcile, Consumer<String> log) {
        this.reconcile = reconcile;
        this.log = log;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String roster = ReconcileJson.rosterLocation(input.readAllBytes());
        ReconcileResult result = reconcile.reconciler().reconcile(ReconcileRequest.plan(roster).applying(true)
                .adopting(reconcile.adoption()).maxLeavers(reconcile.maxLeavers()).progress(log));
        String summary = ReconcileJson.summary(result);
        log.accept(summary);
        output.write(summary.getBytes(StandardCharsets.UTF_8));
    }

    /** The container's wiring, built during Lambda's init (class loading), not on the first roster. */
    static final class Container {
        static final ReconcileFunctions.Deployed RECONCILE = ReconcileFunctions.fromEnvironment(System.getenv());

        private Container() {
        }
    }
}
