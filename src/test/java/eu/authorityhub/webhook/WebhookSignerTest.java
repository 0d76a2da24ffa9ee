package eu.authorityhub.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import eu.authorityhub.testing.StandardWebhooks;

/**
 * The signer against the Standard Webhooks specification's published known-answer vector (the one its reference
 * libraries test with), so that the hub's signer and the tests' verifier cannot agree on the same mistake.
 */
class WebhookSignerTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsThePublishedVectorExactly() {
        assertThat(WebhookSigner.signedContent(ID, TIMESTAMP, BODY)).isEqualTo(ID + "." + TIMESTAMP + "." + BODY);
        assertThat(WebhookSigner.v1(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void theTestsVerifierAcceptsThePublishedVectorAndNothingElse() throws Exception {
        assertThat(StandardWebhooks.verifiedV1(SECRET, ID, Long.toString(TIMESTAMP), BODY, EXPECTED)).isEqualTo(1);
        assertThat(StandardWebhooks.verifiedV1(SECRET, ID, Long.toString(TIMESTAMP), BODY.replace("2", "3"),
                EXPECTED)).isZero();
    }
}
