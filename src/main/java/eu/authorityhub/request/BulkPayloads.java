package eu.authorityhub.request;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import eu.authorityhub.api.Problem;
import eu.authorityhub.request.RequestPayloads.CreateRequest;

/** Bodies and answers of the bulk interface for national systems. */
public final class BulkPayloads {

    private BulkPayloads() {
    }

    @Schema(name = "RequestBulk", description = "Up to 1,000 new requests in one call; each item stands alone")
    public record BulkCreate(
            @Schema(description = "1 to 1,000 items (more: 413)", minItems = 1, maxItems = 1000) @NotNull List<BulkItem> items) {
    }

    @Schema(name = "RequestBulkItem")
    public record BulkItem(
            @Schema(description = "Makes a retry of this item safe; unique within the body and per client", examples = "nl-big-2026-000123") @NotBlank @Size(max = 200) String idempotencyKey,
            @Schema(description = "Send the request at once (otherwise it stays a draft)", defaultValue = "false") Boolean send,
            @NotNull @Valid CreateRequest request) {

        boolean sendNow() {
            return Boolean.TRUE.equals(send);
        }
    }

    public enum Outcome {
        CREATED,
        REPLAYED,
        REFUSED
    }

    @Schema(name = "RequestBulkItemResult", description = "What became of one item: its request, or the problem that"
            + " refused it (nothing of a refused item is written)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(@Schema(description = "The item's position in the body, from 0") int index,
            String idempotencyKey, Outcome outcome, UUID id, String reference, RequestState state,
            Problem problem) {

        ItemResult at(int position, Outcome now) {
            return new ItemResult(position, idempotencyKey, now, id, reference, state, problem);
        }
    }

    @Schema(name = "RequestBulkResult")
    public record BulkResult(int created, int replayed, int refused, List<ItemResult> items) {
    }
}
