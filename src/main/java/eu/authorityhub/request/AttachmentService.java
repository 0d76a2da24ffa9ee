package eu.authorityhub.request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.request.RequestPayloads.AttachmentView;
import eu.authorityhub.request.RequestState.Action;
import eu.authorityhub.security.AccessPolicy;
import eu.authorityhub.security.AccessPolicy.Access;
import eu.authorityhub.security.Caller;

/**
 * A request's attachments: read in bounded chunks while hashing, refused when too large or when the content is not
 * of the declared type; readable by the parties only.
 */
@ApplicationScoped
public class AttachmentService {

    private final RequestAccess access;
    private final RequestRecorder recorder;
    private final RequestConfig config;
    private final Clock clock;
    private final RequestViews views;

    AttachmentService(RequestAccess access, RequestRecorder recorder, RequestConfig config, Clock clock,
            RequestViews views) {
        this.views = views;
        this.access = access;
        this.recorder = recorder;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public AttachmentView attach(Caller caller, UUID id, String fileName, String contentType, InputStream body)
            throws IOException {
        InformationRequest req = access.acting(caller, id, Action.ATTACH);
        String type = contentType == null ? null : contentType.split(";")[0].trim();
        if (type == null || !config.attachmentTypes().contains(type)) {
            throw new HubException(ErrorCode.ATTACHMENT_TYPE_REFUSED, "Refused type " + contentType
                    + "; accepted: " + config.attachmentTypes());
        }
        MessageDigest sha = sha256();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = body.read(buffer)) > 0;) {
            size += n;
            if (size > config.attachmentMaxBytes()) {
                throw new HubException(ErrorCode.PAYLOAD_TOO_LARGE, "An attachment may be at most "
                        + config.attachmentMaxBytes() + " bytes");
            }
            sha.update(buffer, 0, n);
            content.write(buffer, 0, n);
        }
        byte[] bytes = content.toByteArray();
        if (!FileSignature.matches(bytes, type)) {
            throw new HubException(ErrorCode.ATTACHMENT_TYPE_REFUSED, "The content is not " + type);
        }
        Attachment a = new Attachment();
        a.id = UUID.randomUUID();
        a.requestId = req.id;
        a.fileName = fileName == null || fileName.isBlank() ? "attachment" : fileName.strip();
        a.contentType = type;
        a.sizeBytes = size;
        a.sha256 = HexFormat.of().formatHex(sha.digest());
        a.content = bytes;
        a.uploadedBy = caller.authority().orElseThrow();
        a.uploadedAt = OffsetDateTime.now(clock);
        a.persist();
        recorder.internal(req, Action.ATTACH.name(), caller, a.fileName + " sha256=" + a.sha256);
        return RequestViews.attachment(a, true);
    }

    @Transactional
    public List<AttachmentView> list(Caller caller, UUID id) {
        InformationRequest req = InformationRequest.findById(id);
        access.readable(caller, req);
        boolean visible = views.personalDataVisible(req, caller); // a file name may name the person
        List<AttachmentView> found = Attachment.<Attachment>find("requestId = ?1 order by uploadedAt", id).list()
                .stream().map(a -> RequestViews.attachment(a, visible)).toList();
        if (visible && !found.isEmpty()) {
            views.read(req, java.util.EnumSet.of(eu.authorityhub.accesslog.DataKind.DOCUMENT_NAMES));
        }
        return found;
    }

    /** One attachment with its content, for a party of its request. */
    @Transactional
    public Attachment get(Caller caller, UUID id, UUID attachmentId) {
        InformationRequest req = InformationRequest.findById(id);
        Access a = access.readable(caller, req);
        Attachment found = Attachment.findById(attachmentId);
        if (found == null || !found.requestId.equals(id) || a != Access.PARTY) {
            throw AccessPolicy.notFound("attachment " + attachmentId);
        }
        if ("DELETED".equals(req.personalData)) {
            throw new HubException(ErrorCode.PERSONAL_DATA_DELETED, "The document was deleted with the request's"
                    + " personal data; its SHA-256 " + found.sha256 + " stays as proof");
        }
        if (!views.personalDataVisible(req, caller)) {
            throw new HubException(ErrorCode.PERSONAL_DATA_BLOCKED, "The request's personal data are blocked; a"
                    + " data-protection officer of your authority may unblock them for a stated reason");
        }
        found.content.getClass(); // load the lazy content inside the transaction
        views.read(req, java.util.EnumSet.of(eu.authorityhub.accesslog.DataKind.DOCUMENT,
                eu.authorityhub.accesslog.DataKind.DOCUMENT_NAMES));
        return found;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
