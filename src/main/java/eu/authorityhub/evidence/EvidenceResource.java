package eu.authorityhub.evidence;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.authorityhub.evidence.EvidencePayloads.KeyView;
import eu.authorityhub.evidence.EvidencePayloads.Verification;
import eu.authorityhub.security.Roles;

/** The evidence chains: the key that signs their checkpoints, and their verification. */
@Path("/api/v1/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data protection")
@RequestScoped
public class EvidenceResource {

    private final EvidenceKeys keys;
    private final EvidenceVerifier verifier;

    public EvidenceResource(EvidenceKeys keys, EvidenceVerifier verifier) {
        this.keys = keys;
        this.verifier = verifier;
    }

    @GET
    @Path("/key")
    @PermitAll
    @Operation(summary = "The public key (ed25519) that signs the checkpoints of the event journal and the access log")
    public KeyView key() {
        return new KeyView(keys.keyId(), "Ed25519", keys.publicKeyBase64(), keys.ephemeral());
    }

    @GET
    @Path("/verify")
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Hub admin: verify a chain (journal or access) from its first entry; names the first broken entry")
    public Verification verify(
            @QueryParam("chain") @DefaultValue("journal") @Pattern(regexp = "^(journal|access)$") String chain) {
        return verifier.verify(chain);
    }
}
