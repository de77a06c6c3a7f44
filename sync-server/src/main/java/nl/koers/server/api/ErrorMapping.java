package nl.koers.server.api;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
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
    private static final String TOO_LARGE = "the request body is larger than the server accepts";
    private static final String INTERNAL = "something went wrong on the server; it has been logged";

    private ErrorMapping() {
    }

    /**
     * Registers the error handlers, and the filter that sets the common {@link ResponseHeaders}
     * (static files under {@code staticPrefixes} may be cached); errors of requests an
     * {@link ErrorPage} shows are answered as its page.
     */
    public static void register(HttpRouting.Builder routing, List<String> staticPrefixes, List<ErrorPage> pages) {
        Errors errors = new Errors(ResponseHeaders.register(routing, staticPrefixes), List.copyOf(pages));
        routing.error(SyncException.class, (req, res, e) -> errors.send(req, res, status(e.kind()), e))
                .error(AdminException.class, (req, res, e) -> errors.send(req, res, status(e.kind()), e))
                .error(ReportException.class, (req, res, e) -> errors.send(req, res, Status.BAD_REQUEST_400, e))
                .error(AccessDeniedException.class, (req, res, e) -> errors.send(req, res, Status.FORBIDDEN_403,
                        new ErrorBody("forbidden", e.getMessage(), List.of())))
                .error(ApiException.class, (req, res, e) -> errors.send(req, res, e.status(), e))
                .error(TooManyAttemptsException.class, (req, res, e) -> {
                    res.header(HeaderNames.RETRY_AFTER, String.valueOf(TooManyAttemptsException.seconds(e.retryAfter())));
                    errors.send(req, res, Status.TOO_MANY_REQUESTS_429, e);
                })
                .error(StoreUnavailableException.class, (req, res, e) -> {
                    LOG.warning(() -> "store unavailable in " + req.prologue().method() + " " + req.path().path()
                            + ": " + e.getMessage());
                    errors.send(req, res, Status.SERVICE_UNAVAILABLE_503, new ErrorBody("store_unavailable",
                            "the server's database is busy or unavailable just now; try again later", List.of()));
                })
                .error(UnknownCodeException.class, (req, res, e) -> errors.send(req, res, Status.BAD_REQUEST_400,
                        new ErrorBody("unknown_code", e.getMessage(), List.of(e.list()))))
                .error(HttpException.class, (req, res, e) -> {
                    if (e.status() == Status.NOT_MODIFIED_304) {
                        res.status(Status.NOT_MODIFIED_304).send();
                        return;
                    }
                    errors.send(req, res, e.status(), new ErrorBody(httpCode(e.status()),
                            e.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code() ? TOO_LARGE : e.getMessage(),
                            List.of()));
                })
                .error(Throwable.class, (req, res, e) -> {
                    LOG.log(Level.SEVERE, "unexpected error in " + req.prologue().method() + " " + req.path().path(), e);
                    errors.send(req, res, Status.INTERNAL_SERVER_ERROR_500, new ErrorBody("internal_error", INTERNAL,
                            List.of()));
                });
    }

    /** Sends an error as the API's JSON body, or as the page of the part of the site it belongs to. */
    private record Errors(ResponseHeaders headers, List<ErrorPage> pages) {

        void send(ServerRequest req, ServerResponse res, Status status, ExplainedException e) {
            send(req, res, status, new ErrorBody(e.code(), e.getMessage(), e.details()));
        }

        void send(ServerRequest req, ServerResponse res, Status status, ErrorBody error) {
            if (res.isSent()) {
                return;
            }
            headers.apply(req, res.headers());
            for (ErrorPage page : pages) {
                if (page.shows(req)) {
                    page.send(req, res, status, error);
                    return;
                }
            }
            JsonBodies.send(res, status, error);
        }
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
                    case PAYLOAD_TOO_LARGE -> TOO_LARGE;
                    case INTERNAL_ERROR -> INTERNAL;
                    default -> "the request could not be read: " + status.reasonPhrase();
                };
                return DirectHandler.TransportResponse.builder()
                        .status(status)
                        .headers(headers)
                        .header(HeaderValues.CONTENT_TYPE_JSON)
                        .header(HeaderNames.create("X-Content-Type-Options"), "nosniff")
                        .header(HeaderNames.CACHE_CONTROL, "no-store")
                        .entity(Json.write(new ErrorBody(httpCode(status), text, List.of())))
                        .keepAlive(event.keepAlive())
                        .build();
            });
        }
        return handlers.build();
    }

    private static String httpCode(Status status) {
        return status.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code() ? "payload_too_large" : "http_" + status.code();
    }

}
