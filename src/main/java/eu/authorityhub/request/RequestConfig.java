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
}
