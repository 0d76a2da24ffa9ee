package eu.authorityhub.request;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of information requests. */
@ConfigMapping(prefix = "hub.requests")
public interface RequestConfig {

    /** Largest attachment accepted, in bytes. */
    @WithDefault("10485760")
    long attachmentMaxBytes();

    /** Media types accepted for attachments; the first bytes must match the declared type. */
    @WithDefault("application/pdf,image/png,image/jpeg")
    Set<String> attachmentTypes();

    /** Most items one bulk call takes. */
    @WithDefault("1000")
    int bulkMaxItems();

    /** Largest bulk body accepted, in bytes. */
    @WithDefault("4194304")
    int bulkMaxBytes();

    /** Items written per transaction in a bulk call. */
    @WithDefault("200")
    int bulkChunk();
}
