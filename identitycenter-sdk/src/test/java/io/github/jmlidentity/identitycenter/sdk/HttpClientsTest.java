package io.github.jmlidentity.identitycenter.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HttpClientsTest {

    @Test
    void every_aws_client_of_a_process_shares_one_https_client() {
        // GIVEN the clients a Lambda container builds (Identity Store, sso-admin, DynamoDB, SQS) WHEN each asks for one
        // THEN they get the same instance: one SSL context per container, not one per SDK client
        assertThat(HttpClients.forAws()).isSameAs(HttpClients.forAws())
                .isSameAs(HttpClients.forEndpoint(null))
                .isSameAs(HttpClients.forEndpoint(URI.create("https://identitystore.eu-west-1.amazonaws.com")));
    }

    @Test
    void a_plain_http_endpoint_gets_its_own_client_without_tls() {
        assertThat(HttpClients.forEndpoint(URI.create("http://127.0.0.1:8190"))).isNotSameAs(HttpClients.forAws());
    }
}
