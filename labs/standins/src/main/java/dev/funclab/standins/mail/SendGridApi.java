package dev.funclab.standins.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The HTTP side of the mail stand-in: SendGrid's {@code POST /v3/mail/send} (key check, size limit,
 * validation, then real SMTP delivery) and {@code GET /mailbox} for scripts and the dashboard.
 */
final class SendGridApi extends Handler.Abstract {

    static final String MAIL_SEND = "/v3/mail/send";
    static final String MAILBOX = "/mailbox";
    /** SendGrid: "The total size of your email, including attachments, must be less than 30MB." */
    static final int MAX_PAYLOAD = 30 * 1024 * 1024;
    /** How much of a refused body is read and dropped so the client sees the answer rather than a reset. */
    private static final long DRAIN_LIMIT = 2L * MAX_PAYLOAD;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] apiKey;
    private final SmtpOutbox outbox;
    private final ReceivedMails received;
    private final InjectedFailures failures;
    private final Consumer<String> log;

    SendGridApi(String apiKey, SmtpOutbox outbox, ReceivedMails received, InjectedFailures failures, Consumer<String> log) {
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.outbox = outbox;
        this.received = received;
        this.failures = failures;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        Reply reply;
        try {
            if (MAIL_SEND.equals(path)) {
                reply = "POST".equals(method) ? mailSend(request)
                        : Reply.errors(405, List.of(ApiError.of("method not allowed")));
            } else if (MAILBOX.equals(path) && ("GET".equals(method) || "HEAD".equals(method))) {
                reply = mailbox();
            } else {
                reply = Reply.text(404, "The mail stand-in has no " + method + " " + path + ". It serves POST " + MAIL_SEND
                        + " (SendGrid v3 mail send) and GET " + MAILBOX + " (the mail received, as JSON).");
            }
        } catch (RuntimeException e) {
            log.accept("Mail stand-in: " + method + " " + path + " failed: " + e);
            reply = Reply.errors(500, List.of(new ApiError("internal server error", null, "The stand-in failed: " + e)));
        }
        if (!drained(request)) {
            // What is left of the body must not be read as the next request on this connection.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        reply.send(request, response, callback);
        return true;
    }

    private Reply mailSend(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            log.accept("Mail refused (401): no 'Authorization: Bearer <API key>' header.");
            return Reply.errors(401, List.of(ApiError.of("authorization required")));
        }
        if (!isKey(authorization)) {
            log.accept("Mail refused (401): the Authorization header does not carry the stand-in's API key "
                    + "(app setting AzureWebJobsSendGridApiKey, or the one @SendGridOutput(apiKey) names).");
            return Reply.errors(401, List.of(ApiError.of("The provided authorization grant is invalid, expired, or revoked")));
        }
        byte[] body = readBody(request);
        if (body == null) {
            log.accept("Mail refused (413): the request is larger than SendGrid's limit of 30 MB.");
            return Reply.errors(413, List.of(ApiError.of("content too large")));
        }
        int injected = failures.take();
        if (injected != 0) {
            log.accept("Mail refused (" + injected + "), as asked by failNext; " + failures.remaining() + " more to come.");
            return Reply.injected(injected, failures.remaining());
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !MailParser.baseType(contentType).equals("application/json")) {
            return refused(400, new ApiError("Content-Type should be application/json.", null,
                    "Send the v3 mail-send JSON with the header 'Content-Type: application/json' (this request had "
                            + (contentType == null ? "none" : "'" + contentType + "'") + ")."));
        }
        if (!isUtf8(body)) {
            return refused(415, new ApiError("Invalid UTF8 in request", null, "Encode the JSON body as UTF-8."));
        }
        JsonNode json;
        try {
            json = ApiError.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return refused(400, new ApiError("Bad Request", null, "The body is not valid JSON: " + e.getOriginalMessage()
                    + where + "."));
        } catch (IOException e) {
            return refused(400, new ApiError("Bad Request", null, "The body could not be read: " + e.getMessage()));
        }
        List<ApiError> errors = MailSendValidator.validate(json);
        if (!errors.isEmpty()) {
            return refused(400, errors.toArray(ApiError[]::new));
        }
        return deliver(json);
    }

    /** Logs why the mail was refused, in the words of the error body. */
    private Reply refused(int status, ApiError... errors) {
        log.accept("Mail refused (" + status + "): " + Arrays.stream(errors)
                .map(e -> (e.field() == null ? "" : e.field() + ": ") + e.message()
                        + (e.help() == null || e.help().startsWith("http") ? "" : " " + e.help()))
                .collect(Collectors.joining("; ")));
        return Reply.errors(status, List.of(errors));
    }

    private Reply deliver(JsonNode json) {
        String messageId = newMessageId();
        List<MimeMessage> messages;
        try {
            messages = MimeMails.of(json, messageId, outbox.session());
            outbox.send(messages);
        } catch (MessagingException e) {
            log.accept("Mail accepted but not delivered: the embedded SMTP server refused it: " + e);
            return Reply.errors(500, List.of(new ApiError("internal server error", null,
                    "The stand-in could not hand the mail to its SMTP server: " + e.getMessage())));
        }
        for (MimeMessage message : messages) {
            log.accept("Mail accepted (X-Message-Id " + messageId + "): " + describe(message));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Message-Id", messageId);
        return new Reply(202, headers, null, new byte[0]);
    }

    private static String describe(MimeMessage message) {
        try {
            List<String> recipients = Arrays.stream(message.getAllRecipients())
                    .map(a -> a instanceof InternetAddress internet ? internet.toUnicodeString() : a.toString()).toList();
            return "to " + String.join(", ", recipients) + ", subject '" + message.getSubject() + "'";
        } catch (MessagingException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    private Reply mailbox() {
        ArrayNode list = ApiError.JSON.createArrayNode();
        for (ReceivedMail mail : received.all()) {
            ObjectNode item = list.addObject();
            item.put("messageId", mail.messageId());
            item.put("from", mail.from());
            ArrayNode to = item.putArray("to");
            mail.to().forEach(to::add);
            item.put("subject", mail.subject());
            item.put("text", mail.text());
            ArrayNode attachments = item.putArray("attachments");
            for (Attachment attachment : mail.attachments()) {
                attachments.addObject().put("fileName", attachment.fileName())
                        .put("contentType", attachment.contentType()).put("size", attachment.size());
            }
            item.put("sentAt", mail.sentAt().toString());
        }
        return new Reply(200, Map.of(), "application/json", list.toString().getBytes(StandardCharsets.UTF_8));
    }

    private boolean isKey(String authorization) {
        String[] parts = authorization.trim().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("Bearer")
                && MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.UTF_8), apiKey);
    }

    /** The body, or null when it reaches the 30 MB limit. */
    private static byte[] readBody(Request request) {
        if (request.getLength() >= MAX_PAYLOAD) {
            return null;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_PAYLOAD);
            return body.length >= MAX_PAYLOAD ? null : body;
        } catch (IOException e) {
            throw new IllegalStateException("the request body could not be read: " + e.getMessage(), e);
        }
    }

    /** Reads and drops what is left of the body; false when too much is left to bother. */
    private static boolean drained(Request request) {
        try (InputStream rest = Content.Source.asInputStream(request)) {
            long dropped = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = rest.read(buffer)) >= 0; ) {
                dropped += n;
                if (dropped > DRAIN_LIMIT) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** 22 URL-safe characters, the shape of SendGrid's X-Message-Id. */
    private static String newMessageId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What goes back to the client. */
    private record Reply(int status, Map<String, String> headers, String contentType, byte[] body) {

        static Reply errors(int status, List<ApiError> errors) {
            return new Reply(status, Map.of(), "application/json", ApiError.body(errors));
        }

        static Reply text(int status, String text) {
            return new Reply(status, Map.of(), "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }

        /** A failure asked for by failNext, worded as SendGrid words that status. */
        static Reply injected(int status, int remaining) {
            String message = switch (status) {
                case 400 -> "Bad Request";
                case 401 -> "authorization required";
                case 403 -> "access forbidden";
                case 404 -> "not found";
                case 405 -> "method not allowed";
                case 413 -> "content too large";
                case 429 -> "too many requests";
                case 500 -> "internal server error";
                case 502 -> "bad gateway";
                case 503 -> "service unavailable";
                default -> "error";
            };
            Map<String, String> headers = new LinkedHashMap<>();
            if (status == 429) {
                // SendGrid's rate-limit headers; Reset is a Unix time in seconds.
                headers.put("X-RateLimit-Limit", "600");
                headers.put("X-RateLimit-Remaining", "0");
                headers.put("X-RateLimit-Reset", Long.toString(Instant.now().getEpochSecond() + 1));
            }
            byte[] body = ApiError.body(List.of(new ApiError(message, null,
                    "Failure injected by the stand-in (failNext); " + remaining + " more to come.")));
            return new Reply(status, headers, "application/json", body);
        }

        void send(Request request, Response response, Callback callback) {
            response.setStatus(status);
            headers.forEach((name, value) -> response.getHeaders().put(name, value));
            if (contentType != null) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            }
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            if (request.getMethod().equals("HEAD") || body.length == 0) {
                callback.succeeded();
                return;
            }
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
