package eu.authorityhub.request;

import java.io.IOException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.request.BulkPayloads.BulkCreate;
import eu.authorityhub.request.BulkPayloads.BulkResult;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;

/**
 * The bulk interface of national systems: many new requests per call. The body is read whole and measured against
 * its own limit (smaller than the attachments' one) before it is parsed.
 */
@Path("/api/v1/requests/bulk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Information requests")
@RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE})
@RequestScoped
public class BulkRequestResource {

    private static final String EXAMPLE = """
            {"items":[
              {"idempotencyKey":"nl-big-2026-000123","send":true,"request":{"responder":"PL-NIL","policyArea":"PQ",
               "procedure":"GENERAL","profession":"NURSE","professional":{"familyName":"Kowalska",
               "givenNames":"Anna Maria","birthDate":"1984-03-12"},"questions":["PQ-G-PER-01"],
               "requestedDueDate":"2026-12-31"}},
              {"idempotencyKey":"nl-big-2026-000124","send":true,"request":{"responder":"NL-BIG","policyArea":"PQ",
               "procedure":"GENERAL","profession":"NURSE","professional":{"familyName":"Nowak",
               "givenNames":"Jan","birthDate":"1979-11-02"},"questions":["PQ-G-PER-01"],
               "requestedDueDate":"2026-12-31"}}]}""";

    private static final String ANSWER = """
            {"created":1,"replayed":0,"refused":1,"items":[
              {"index":0,"idempotencyKey":"nl-big-2026-000123","outcome":"CREATED",
               "id":"0b5c9a8e-3f5e-4f7e-9f57-6c1f0a9d2b11","reference":"REQ-2026-000412","state":"SENT"},
              {"index":1,"idempotencyKey":"nl-big-2026-000124","outcome":"REFUSED","problem":{
               "type":"https://authorityhub.eu/problems/self-addressed","status":400,"code":"SELF_ADDRESSED",
               "title":"A request cannot be addressed to the caller's own authority",
               "detail":"A request goes to another authority",
               "errors":[{"field":"responder","message":"is the requesting authority"}]}}]}""";

    private final BulkCreation bulk;
    private final Caller caller;
    private final ObjectMapper mapper;
    private final RequestConfig config;

    public BulkRequestResource(BulkCreation bulk, Caller caller, ObjectMapper mapper, RequestConfig config) {
        this.bulk = bulk;
        this.caller = caller;
        this.mapper = mapper;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create (and send) up to 1,000 requests in one call; per item: created, replayed or refused", description = "Each item has its own idempotencyKey and is checked like POST /api/v1/requests, with the"
            + " same problem codes; a refused item writes nothing, the others are created (200 with the"
            + " outcome of every item, in body order). Items are written a chunk per transaction; when the"
            + " database fails after a chunk committed, the items left are refused with"
            + " DATABASE_UNAVAILABLE, and retrying the call with the same keys replays the created ones."
            + " More items than hub.requests.bulk-max-items (1,000) or a body over"
            + " hub.requests.bulk-max-bytes (4 MiB): 413.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkCreate.class), examples = @ExampleObject(name = "two items", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The outcome of every item", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkResult.class), examples = @ExampleObject(name = "one created, one refused", value = ANSWER)))
    public BulkResult create(byte[] body) throws IOException {
        if (body.length > config.bulkMaxBytes()) {
            throw new HubException(ErrorCode.PAYLOAD_TOO_LARGE, body.length + " bytes; a bulk body takes at most "
                    + config.bulkMaxBytes());
        }
        BulkCreate parsed = mapper.readValue(body, BulkCreate.class);
        if (parsed == null || parsed.items() == null || parsed.items().isEmpty()) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "The body needs at least one item", java.util.List.of(
                    new eu.authorityhub.api.Problem.FieldError("items", "at least one item")), java.util.Map.of());
        }
        return bulk.create(caller, parsed.items());
    }
}
