package eu.authorityhub.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Every Kafka consumer of the hub retries a record for as long as PostgreSQL is down, so its acknowledgement may wait
 * as long as the outage. The connector's unprocessed-record age check would then fail the channel for good after 60 s
 * (found by the fault drill: after a database outage of a minute the inbox consumer never resumed). Every incoming
 * channel must turn that check off, and send only unreadable records to the dead-letter topic.
 */
class ConsumerChannelsTest {

    @Test
    void everyIncomingChannelSurvivesADatabaseOutageOfAnyLength() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            p.load(in);
        }
        Set<String> channels = p.stringPropertyNames().stream().filter(k -> k.startsWith("mp.messaging.incoming.")
                && k.endsWith(".connector")).map(k -> k.substring("mp.messaging.incoming.".length(),
                        k.length()
                                - ".connector".length()))
                .collect(Collectors.toSet());
        assertThat(channels).contains("request-inbox", "alert-fan-out", "event-journal");
        for (String c : channels) {
            String prefix = "mp.messaging.incoming." + c + ".";
            assertThat(Long.parseLong(p.getProperty(prefix + "throttled.unprocessed-record-max-age.ms", "60000")))
                    .as(c + ": unprocessed-record age check off").isLessThanOrEqualTo(0);
            assertThat(p.getProperty(prefix + "failure-strategy")).as(c).isEqualTo("dead-letter-queue");
        }
    }
}
