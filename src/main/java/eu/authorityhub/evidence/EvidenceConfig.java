package eu.authorityhub.evidence;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The tamper-evident chains over the event journal and the access log. */
@ConfigMapping(prefix = "hub.evidence")
public interface EvidenceConfig {

    /**
     * The ed25519 private key that signs checkpoints: PKCS#8, base64 (for example from {@code openssl genpkey
     * -algorithm ed25519 | openssl pkey -outform DER | base64 -w0}). Without it the hub makes a key at each start
     * and says so: checkpoints then prove nothing after a restart, so production sets one.
     */
    Optional<String> signingKey();

    /** A signed checkpoint every this many entries of a chain... */
    @WithDefault("10000")
    int checkpointEvery();

    /** ...or this long after the last one, if anything was added. */
    @WithDefault("5m")
    Duration checkpointInterval();

    /** How often new entries are chained. */
    @WithDefault("2s")
    Duration sealInterval();

    /** Entries younger than this wait for the next round, so that slower transactions commit first. */
    @WithDefault("2s")
    Duration sealDelay();

    /** Entries chained per transaction. */
    @WithDefault("5000")
    int sealBatch();

    Optional<Boolean> sealerEnabled();
}
