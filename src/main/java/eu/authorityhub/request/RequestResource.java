package eu.authorityhub.request;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.authorityhub.api.Languages;
import eu.authorityhub.api.idempotency.IdempotentPost;
import eu.authorityhub.request.RequestPayloads.AcceptBody;
import eu.authorityhub.request.RequestPayloads.AnswerSubmission;
import eu.authorityhub.request.RequestPayloads.AnswersBody;
import eu.authorityhub.request.RequestPayloads.AttachmentView;
import eu.authorityhub.request.RequestPayloads.CatalogueQuestionView;
import eu.authorityhub.request.RequestPayloads.CreateRequest;
import eu.authorityhub.request.RequestPayloads.DueDateBody;
import eu.authorityhub.request.RequestPayloads.ForwardBody;
import eu.authorityhub.request.RequestPayloads.FurtherInfoBody;
import eu.authorityhub.request.RequestPayloads.ReasonBody;
import eu.authorityhub.request.RequestPayloads.RequestView;
import eu.authorityhub.request.RequestPayloads.SummaryView;
import eu.authorityhub.request.RequestPayloads.TimelineView;
import eu.authorityhub.security.Caller;
import eu.authorityhub.security.Roles;
import io.quarkus.security.Authenticated;

/**
 * Information requests over HTTP. Every POST accepts an {@code Idempotency-Key}. Parties act; coordinators read. A
 * request the caller may not see answers 404, like one that does not exist.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Information requests")
@RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE})
@RequestScoped
public class RequestResource {

    private static final String ID = "id";

    private final RequestService requests;
    private final RequestQueries queries;
    private final AttachmentService attachments;
    private final QuestionCatalogue catalogue;
    private final Caller caller;
    private final IdempotentPost idempotent;

    public RequestResource(RequestService requests, RequestQueries queries, AttachmentService attachments,
            QuestionCatalogue catalogue, Caller caller, IdempotentPost idempotent) {
        this.requests = requests;
        this.queries = queries;
        this.attachments = attachments;
        this.catalogue = catalogue;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @GET
    @Path("/questions")
    @Authenticated
    @Operation(summary = "The question catalogue (current version), texts in the Accept-Language language")
    public List<CatalogueQuestionView> questions(@Context HttpHeaders headers) {
        return catalogue.views(language(headers));
    }

    @POST
    @Path("/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft a request from the caller's authority")
    public Response create(@NotNull @Valid CreateRequest body, @Context HttpHeaders headers, @Context UriInfo uri,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotentPost.HEADER) String key) {
        Response r = post(key, uri, body, 201, () -> requests.create(caller, body, language(headers)));
        return r.getEntity() instanceof RequestView v
                ? Response.fromResponse(r).location(URI.create("/api/v1/requests/" + v.id())).build()
                : r;
    }

    @GET
    @Path("/requests")
    @RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN})
    @Operation(summary = "The caller's authority's requests: box=sent (it asks) or received (it is asked)")
    public List<SummaryView> list(
            @QueryParam("box") @DefaultValue("received") @Pattern(regexp = "^(sent|received)$") String box,
            @QueryParam("state") RequestState state, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.list(caller, box, state, page, size);
    }

    @GET
    @Path("/requests/{id}")
    @RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN, Roles.COORDINATOR})
    @Operation(summary = "One request, questions in the viewer's language")
    public RequestView get(@PathParam(ID) UUID id, @Context HttpHeaders headers) {
        return queries.get(caller, id, language(headers));
    }

    @GET
    @Path("/requests/{id}/timeline")
    @RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN, Roles.COORDINATOR})
    @Operation(summary = "Who did what, when, in order")
    public List<TimelineView> timeline(@PathParam(ID) UUID id) {
        return queries.timeline(caller, id);
    }

    @POST
    @Path("/requests/{id}/send")
    @Operation(summary = "Requester: send the draft")
    public Response send(@PathParam(ID) UUID id, @Context HttpHeaders h, @Context UriInfo uri,
            @HeaderParam(IdempotentPost.HEADER) String key) {
        return post(key, uri, null, 200, () -> requests.send(caller, id, language(h)));
    }

    @POST
    @Path("/requests/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Responder: accept, with the requested due date or proposing another")
    public Response accept(@PathParam(ID) UUID id, @Valid AcceptBody body, @Context HttpHeaders h,
            @Context UriInfo uri, @HeaderParam(IdempotentPost.HEADER) String key) {
        return post(key, uri, body, 200, () -> requests.accept(caller, id, body, language(h)));
    }

    @POST
    @Path("/requests/{id}/due-date/proposal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Responder: propose another due date")
    public Response propose(@PathParam(ID) UUID id, @NotNull @Valid DueDateBody body, @Context HttpHeaders h,
            @Context UriInfo uri, @HeaderParam(IdempotentPost.HEADER) String key) {
        return post(key, uri, body, 200, () -> requests.proposeDueDate(caller, id, body.dueDate(), language(h)));
    }

    @POST
    @Path("/requests/{id}/due-date/agreement")
    @Operation(summary = "Requester: agree to the proposed due date")
    public Response agree(@PathParam(ID) UUID id, @Context HttpHeaders h, @Context UriInfo uri,
            @HeaderParam(IdempotentPost.HEADER) String key) {
        return post(key, uri, null, 200, () -> requests.settleDueDate(caller, id, true, language(h)));
    }

    @POST
    @Path("/requests/{id}/due-date/rejection")
    @Operation(summary = "Requester: reject the proposed due date (the earlier one stands)")
    public Response reject(@PathParam(ID) UUID id, @Context HttpHeaders h, @Context UriInfo uri,
            @HeaderParam(IdempotentPost.HEADER) String key) {
        return post(key, uri, null, 200, () -> requests.settleDueDate(caller, id, false, language(h)));
    }

    @POST
    @Path("/requests/{id}/forward")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Responder: forward the request, or some of its questions, to a more competent authority")
    public Response forward(@PathParam(ID) UUID id, @NotNull @Valid ForwardBody body, @Context HttpHeaders h,
            @Context UriInfo uri, @HeaderParam(IdempotentPost.HEADER) String key) {
        return post(key, uri, body, 200, () -> requests.forward(caller, id, body, language(h)));
    }

    @POST
    @Path("/requests/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Responder: decline as not competent, with a reason")
    public Response decline(@PathParam(ID) UUID id, @NotNull @Valid ReasonBody body, @Context HttpHeaders h,
            @Context UriInfo uri, @HeaderParam(IdempotentPost.HEADER) String key) {
        return post(key, uri, body, 200, () -> requests.decline(caller, id, body.reason(), language(h)));
    }

    @POST
    @Path("/requests/{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Responder: save answers without sending them")
    public Response saveAnswers(@PathParam(ID) UUID id, @NotNull @Valid AnswersBody body, @Context HttpHeaders h,
            @Context UriInfo uri, @HeaderParam(IdempotentPost.HEADER) String key) {
        return post(key, uri, body, 200, () -> requests.saveAnswers(caller, id, body.answers(), language(h)));
    }

    @POST
    @Path("/requests/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Responder: send the answer; every question must be answered (answers may come along)")
    public Response answer(@PathParam(ID) UUID id, @NotNull @Valid AnswerSubmission body, @Context HttpHeaders h,
            @Context UriInfo uri, @HeaderParam(IdempotentPost.HEADER) String key) {
        return post(key, uri, body, 200, () -> requests.answer(caller, id, body.answers(), language(h)));
    }

    @POST
    @Path("/requests/{id}/further-information")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Requester: ask further questions after an answer (the case goes back to the responder)")
    public Response further(@PathParam(ID) UUID id, @NotNull @Valid FurtherInfoBody body, @Context HttpHeaders h,
            @Context UriInfo uri, @HeaderParam(IdempotentPost.HEADER) String key) {
        return post(key, uri, body, 200, () -> requests.furtherInformation(caller, id, body, language(h)));
    }

    @POST
    @Path("/requests/{id}/close")
    @Operation(summary = "Requester: close the answered request")
    public Response close(@PathParam(ID) UUID id, @Context HttpHeaders h, @Context UriInfo uri,
            @HeaderParam(IdempotentPost.HEADER) String key) {
        return post(key, uri, null, 200, () -> requests.close(caller, id, language(h)));
    }

    @POST
    @Path("/requests/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Requester: withdraw the request")
    public Response withdraw(@PathParam(ID) UUID id, @NotNull @Valid ReasonBody body, @Context HttpHeaders h,
            @Context UriInfo uri, @HeaderParam(IdempotentPost.HEADER) String key) {
        return post(key, uri, body, 200, () -> requests.withdraw(caller, id, body.reason(), language(h)));
    }

    @POST
    @Path("/requests/{id}/attachments")
    @Consumes({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD})
    @Operation(summary = "Either party: attach a file (PDF, PNG or JPEG; the body is the file, streamed; SHA-256 recorded)")
    public Response attach(@PathParam(ID) UUID id,
            @QueryParam("fileName") @Size(max = 200) @Pattern(regexp = "^[^/\\\\\\x00]*$") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body, @Context UriInfo uri,
            @HeaderParam(IdempotentPost.HEADER) String key) {
        // the fingerprint names the upload (path, file name, type); the content is hashed once it is read
        Response r = post(key, uri, fileName + "|" + contentType, 201, () -> {
            try {
                return attachments.attach(caller, id, fileName, contentType, body);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return r.getEntity() instanceof AttachmentView a
                ? Response.fromResponse(r).location(URI.create("/api/v1/requests/" + id + "/attachments/" + a.id()))
                        .build()
                : r;
    }

    @GET
    @Path("/requests/{id}/attachments")
    @RolesAllowed({Roles.CASE_HANDLER, Roles.BACK_OFFICE, Roles.AUTHORITY_ADMIN, Roles.COORDINATOR})
    @Operation(summary = "The request's attachments (metadata)")
    public List<AttachmentView> attachments(@PathParam(ID) UUID id) {
        return attachments.list(caller, id);
    }

    @GET
    @Path("/requests/{id}/attachments/{attachmentId}")
    @Produces({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_JSON})
    @Operation(summary = "One attachment's content (parties only)")
    public Response attachment(@PathParam(ID) UUID id, @PathParam("attachmentId") UUID attachmentId) {
        Attachment a = attachments.get(caller, id, attachmentId);
        return Response.ok(a.content, a.contentType).header("Digest", "sha-256=" + a.sha256)
                .header("Content-Disposition", "attachment; filename=\"" + a.fileName.replace("\"", "") + "\"")
                .build();
    }

    private Response post(String key, UriInfo uri, Object body, int status, Supplier<Object> command) {
        return idempotent.post(caller.client(), key, uri.getPath(), body, status, command);
    }

    private static String language(HttpHeaders headers) {
        return Languages.preferred(headers).orElse(null);
    }
}
