package eu.authorityhub.evidence;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Views of the evidence chains. */
public final class EvidencePayloads {

    private EvidencePayloads() {
    }

    @Schema(name = "EvidenceKey", description = "The public key that signs the chains' checkpoints")
    public record KeyView(String keyId, @Schema(examples = "Ed25519") String algorithm,
            @Schema(description = "X.509 SubjectPublicKeyInfo, base64") String publicKey,
            @Schema(description = "true: made at start, not configured; checkpoints prove nothing after a restart") boolean ephemeral) {
    }

    @Schema(name = "BrokenLink", description = "The first entry that does not verify")
    public record Broken(long position,
            @Schema(description = "The event id (journal) or access record number (access log)") String key,
            String problem) {
    }

    @Schema(name = "EvidenceVerification")
    public record Verification(@Schema(enumeration = {
            "journal", "access"}) String chain, boolean intact,
            long entries, long checkpointsVerified,
            @Schema(description = "Checkpoints signed by another key (an earlier one): listed, not checked") List<String> otherKeys,
            long purgedEntries,
            @Schema(description = "Entries not chained yet (the last seconds)") long pending, Broken broken){
    }
}
