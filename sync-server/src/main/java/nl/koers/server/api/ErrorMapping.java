package nl.koers.server.api;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.koers.model.UnknownCodeException;
import nl.koers.server.admin.AdminException;
import nl.koers.server.auth.TooManyAttemptsException;
import nl.koers.server.auth.web.AccessDeniedException;
import nl.koers.server.ExplainedException;
import nl.koers.server.report.ReportException;
import nl.koers.server.store.StoreUnavailableException;
import nl.koers.server.sync.SyncException;
import nl.koers.sync.ErrorBody;
import nl.koers.sync.Json;

/**
 * The one place where errors become HTTP responses, always with an {@link ErrorBody}. Anything not
 * foreseen is a 500 with a generic message; the details go to the log, not to the client.
 */
public final class ErrorMapping {

    private static final Logger LOG = Logger.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(SyncException.class, (req, res, e) -> send(res, status(e.kind()), e))
                .error(AdminException.class, (req, res, e) -> send(res, status(e.kind()), e))
                .error(ReportException.class, (req, res, e) -> send(res, Status.BAD_REQUEST_400, e))
                .error(AccessDeniedException.class, (req, res, e) -> send(res, Status.FORBIDDEN_403, "forbidden",
                        e.getMessage(), List.of()))
                .error(ApiException.class, (req, res, e) -> send(res, e.status(), e))
                .error(TooManyAttemptsException.class, (req, res, e) -> {
                    res.header(HeaderNames.RETRY_AFTER, String.valueOf(TooManyAttemptsException.seconds(e.retryAfter())));
                    send(res, Status.TOO_MANY_REQUESTS_429, e);
                })
                .error(StoreUnavailableException.class, (req, res, e) -> {
                    LOG.warning(() -> "store unavailable in " + req.prologue().method() + " " + req.path().path()
                            + ": " + e.getMessage());
                    send(res, Status.SERVICE_UNAVAILABLE_503, "store_unavailable",
                            "the server's database is busy or unavailable just now; try again later", List.of());
                })
                .error(UnknownCodeException.class, (req, res, e) ->
                        send(res, Status.BAD_REQUEST_400, "unknown_code", e.getMessage(), List.of(e.list())))
                .error(HttpException.class, (req, res, e) -> {
                    if (e.status() == Status.NOT_MODIFIED_304) {
                        res.status(Status.NOT_MODIFIED_304).send();
                        return;
                    }
                    send(res, e.status(), httpCode(e.status()), e.status() == Status.REQUEST_ENTITY_TOO_LARGE_413
                            ? "the request body is larger than the server accepts" : e.getMessage(), List.of());
                })
                .error(Throwable.class, (req, res, e) -> {
                    LOG.log(Level.SEVERE, "unexpected error in " + req.prologue().method() + " " + req.path().path(), e);
                    send(res, Status.INTERNAL_SERVER_ERROR_500, "internal_error",
                            "something went wrong on the server; it has been logged", List.of());
                });
    }

    public static Status status(SyncException.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> Status.BAD_REQUEST_400;
            case CONFLICT -> Status.CONFLICT_409;
            case CLIENT_TOO_OLD -> Status.UPGRADE_REQUIRED_426;
            case FORBIDDEN -> Status.FORBIDDEN_403;
            case UNAVAILABLE -> Status.SERVICE_UNAVAILABLE_503;
        };
    }

    static Status status(AdminException.Kind kind) {
        return switch (kind) {
            case INVALID -> Status.BAD_REQUEST_400;
            case NOT_FOUND -> Status.NOT_FOUND_404;
            case CONFLICT -> Status.CONFLICT_409;
            case UNAUTHORIZED -> Status.UNAUTHORIZED_401;
        };
    }

    /**
     * The answers the web server gives itself, before routing (a body over the size limit, a
     * request line or header it cannot parse): the same error body as every other error.
     */
    public static DirectHandlers directHandlers() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, (request, event, status, headers, message) -> {
                String text = switch (event) {
                    case PAYLOAD_TOO_LARGE -> "the request body is larger than the server accepts";
                    case INTERNAL_ERROR -> "something went wrong on the server; it has been logged";
                    default -> "the request could not be read: " + status.reasonPhrase();
                };
                return DirectHandler.TransportResponse.builder()
                        .status(status)
                        .headers(headers)
                        .header(HeaderValues.CONTENT_TYPE_JSON)
                        .entity(Json.write(new ErrorBody(httpCode(status), text, List.of())))
                        .keepAlive(event.keepAlive())
                        .build();
            });
        }
        return handlers.build();
    }

    private static String httpCode(Status status) {
        return status == Status.REQUEST_ENTITY_TOO_LARGE_413 ? "payload_too_large" : "http_" + status.code();
    }

    private static void send(ServerResponse res, Status status, ExplainedException e) {
        send(res, status, e.code(), e.getMessage(), e.details());
    }

    private static void send(ServerResponse res, Status status, String code, String message, List<String> details) {
        if (res.isSent()) {
            return;
        }
        JsonBodies.send(res, status, new ErrorBody(code, message, details));
    }
}
