package nl.koers.sync;

import java.util.List;

/**
 * The one error shape of the API: a stable machine-readable code, a sentence saying what was
 * wrong, and details (the offending fields or values).
 */
public record ErrorBody(String error, String message, List<String> details) {

    public ErrorBody {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
