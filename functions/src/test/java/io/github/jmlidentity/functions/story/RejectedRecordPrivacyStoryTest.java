package io.github.jmlidentity.functions.story;

import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Issue #11 item 13: the record of a refused event carries as little personal data as possible: its reason names
 * the field and the problem, never the value, and only identifiers that match their pattern are quoted.
 */
class RejectedRecordPrivacyStoryTest extends StoryTest {

    /** Detail fields that hold personal data (as raw text in the sample, whether or not it parses). */
    private static final Pattern PERSONAL_FIELD = Pattern.compile(
            "\"(givenName|familyName|displayName|email|title|department|division|organization|costCenter|location"
                    + "|reason)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void no_rejected_record_repeats_a_personal_value_of_its_event() {
        // GIVEN every malformed sample of events/invalid
        StoryWorld world = newWorld();

        assertSoftly(softly -> Fixtures.invalidSamples().values().forEach(sample -> {
            // WHEN it is delivered to its function (or routed by detail-type)
            String function = sample.function().equals("auto") ? "joiner" : sample.function();
            Audit audit = world.deliver(function, sample.bytes());

            // THEN its audit record quotes none of the event's personal values
            String line = audit.json().toString();
            for (String value : personalValues(sample.bytes())) {
                softly.assertThat(line).as("%s quotes %s", sample.file(), value).doesNotContain(value);
            }
        }));
    }

    @Test
    void an_event_with_a_duplicate_key_names_no_user() {
        // GIVEN an event whose detail has userName twice (jane.doe, then admin2)
        StoryWorld world = newWorld();

        // WHEN it is delivered
        Audit audit = world.deliver("joiner", Fixtures.read(Fixtures.events().resolve("invalid/duplicate-key.json")));

        // THEN it is rejected and its record names neither: the document says nothing reliable about the user
        assertThat(audit.outcome()).isEqualTo("REJECTED");
        assertThat(audit.json().path("userName").isNull()).as(audit.toString()).isTrue();
        assertThat(audit.toString()).doesNotContain("admin2").doesNotContain("\"jane.doe\"");
        // AND the identifiers that match their pattern are kept, for the auditor to find the event
        assertThat(audit.json().path("hrEventId").asText()).isEqualTo("hr-evt-0001");
        assertThat(audit.json().path("employeeId").asText()).isEqualTo("E1001");
    }

    private static List<String> personalValues(byte[] sample) {
        List<String> values = new ArrayList<>();
        Matcher m = PERSONAL_FIELD.matcher(new String(sample, StandardCharsets.UTF_8));
        while (m.find()) {
            String value = m.group(2);
            if (value.length() >= 3 && !value.contains("\\")) {
                values.add(value);
            }
        }
        return values;
    }
}
