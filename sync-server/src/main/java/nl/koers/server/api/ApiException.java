package nl.koers.server.api;

import io.helidon.http.Status;
import java.util.List;
import nl.koers.server.ExplainedException;

/** A request the HTTP layer itself refuses (bad JSON, missing or wrong credentials). */
public final class ApiException extends ExplainedException {

    private final Status status;

    public ApiException(Status status, String code, String message, List<String> details) {
        super(code, message, details);
        this.status = status;
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(Status.UNAUTHORIZED_401, "unauthenticated", message, List.of());
    }

    public Status status() {
        return status;
    }
}
