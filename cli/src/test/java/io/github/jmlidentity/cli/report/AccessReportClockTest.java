package io.github.jmlidentity.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jmlidentity.cli.LocalAws;
import io.github.jmlidentity.cli.directory.Directory;
import io.github.jmlidentity.cli.directory.IdentityCenterClients;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The report is dated by the clock it is given, not by the machine's "now". */
class AccessReportClockTest {

    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();

    @Test
    void the_report_is_dated_by_its_clock() {
        Instant quarterEnd = Instant.parse("2026-03-31T23:59:59Z");
        StringWriter out = new StringWriter();
        try (IdentityCenterClients clients = new IdentityCenterClients(
                LocalAws.resolve(IDENTITY_STORE.server().endpoint()), null)) {
            Directory directory = Directory.connect(clients, IDENTITY_STORE.server().identityStoreId());

            new AccessReport(directory, null, Clock.fixed(quarterEnd, ZoneOffset.UTC))
                    .write(ReportFormat.TABLE.writer(out), null, IDENTITY_STORE.server().instanceArn());
        }

        assertThat(out.toString().lines().findFirst()).hasValueSatisfying(first ->
                assertThat(first).contains("(2026-03-31T23:59:59Z)"));
    }
}
