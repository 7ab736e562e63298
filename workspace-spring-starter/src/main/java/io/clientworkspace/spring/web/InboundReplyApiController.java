package io.clientworkspace.spring.web;

import io.clientworkspace.FieldError;
import io.clientworkspace.TenantId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.message.reply.InboundReply;
import io.clientworkspace.message.reply.ReceivedReply;
import io.clientworkspace.message.reply.ReplyAddresses;
import io.clientworkspace.spring.web.ReplyDtos.InboundReplyRequest;
import io.clientworkspace.spring.web.ReplyDtos.ReceivedReplyDto;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The inbound side of reply by e-mail: the host's mail pipeline (not a signed-in user) posts every reply e-mail
 * it receives for a reply address here. It authenticates with the shared secret
 * {@code client-workspace.replies.inbound-secret} in the {@value #SECRET_HEADER} header, compared in constant
 * time; without a configured secret the endpoint answers 404 as if it did not exist, and with a wrong or missing
 * header 401. The host's security chain must let the call through without a user (permit the path) and without
 * a CSRF token. Errors: an unknown, malformed or other tenant's token 404 ({@code reply-token}), an expired or
 * revoked one 410, nothing left after stripping quoted history or an oversize text 400 (field {@code text}), a
 * recipient who may no longer post 403, an archived workspace 409.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/inbound/replies")
public class InboundReplyApiController implements KitController {

    /** The header carrying the shared secret. */
    public static final String SECRET_HEADER = "X-Client-Workspace-Inbound-Secret";

    private final WorkspaceKit kit;
    private final byte[] secret;
    private final Optional<TenantId> defaultTenant;

    /**
     * @param secret        the shared secret; empty disables the endpoint (404)
     * @param defaultTenant the tenant of replies that name none
     */
    public InboundReplyApiController(WorkspaceKit kit, String secret, Optional<TenantId> defaultTenant) {
        this.kit = requireNonNull(kit, "kit must not be null");
        this.secret = requireNonNull(secret, "secret must not be null").getBytes(StandardCharsets.UTF_8);
        this.defaultTenant = requireNonNull(defaultTenant, "defaultTenant must not be null");
    }

    /** Posts the reply as its token's recipient; 201 with where it went, 200 for a retry that posted nothing. */
    @Operation(summary = "Inbound reply e-mail from the host's mail pipeline (shared-secret header), posted as the token's recipient")
    @PostMapping
    public ResponseEntity<ReceivedReplyDto> receive(
            @RequestHeader(value = SECRET_HEADER, required = false) @Nullable String presented,
            @RequestBody InboundReplyRequest body) {
        if (secret.length == 0) {
            throw new Refused(HttpStatus.NOT_FOUND, "not-found", "No inbound reply endpoint is configured");
        }
        if (presented == null || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new Refused(HttpStatus.UNAUTHORIZED, "inbound-secret",
                    "The " + SECRET_HEADER + " header is missing or wrong");
        }
        TenantId tenant = body.tenantId() != null && !body.tenantId().isBlank() ? TenantId.of(body.tenantId())
                : defaultTenant.orElseThrow(() -> new ValidationException(FieldError.of("tenantId",
                        "give the tenant (no client-workspace.security.default-tenant-id is set)")));
        String token = body.token() != null ? body.token()
                : body.to() != null ? ReplyAddresses.token(body.to()).orElse("")
                : Inputs.required(body.token(), "token");
        ReceivedReply received = kit.replies().receive(tenant, new InboundReply(token, Optional.ofNullable(body.from()),
                Inputs.required(body.text(), "text"), Optional.ofNullable(body.messageId())));
        return ResponseEntity.status(received.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(ReceivedReplyDto.of(received));
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
        p.setType(URI.create(ProblemDetailsAdvice.TYPE_PREFIX + e.code));
        p.setTitle(e.status.getReasonPhrase());
        p.setProperty("code", e.code);
        return ResponseEntity.status(e.status).body(p);
    }

    /** A refusal before the kit is asked: endpoint off, or the secret is wrong. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final HttpStatus status;
        private final String code;

        Refused(HttpStatus status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
