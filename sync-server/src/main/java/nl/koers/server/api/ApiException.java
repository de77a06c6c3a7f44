package nl.koers.server.api;

import io.helidon.http.Status;
import java.util.List;

/** A request the HTTP layer itself refuses (bad JSON, missing or wrong credentials). */
public final class ApiException extends RuntimeException {

    private final Status status;
    private final String code;
    private final List<String> details;

    public ApiException(Status status, String code, String message, List<String> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(Status.UNAUTHORIZED_401, "unauthenticated", message, List.of());
    }

    public Status status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<String> details() {
        return details;
    }
}
