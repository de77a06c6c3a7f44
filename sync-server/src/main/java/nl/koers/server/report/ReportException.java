package nl.koers.server.report;

import java.util.List;
import nl.koers.server.ExplainedException;

/** A report request that cannot be answered as asked (an unknown code, an impossible period). */
public final class ReportException extends ExplainedException {

    public ReportException(String code, String message) {
        super(code, message, List.of());
    }
}
