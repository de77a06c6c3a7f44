package nl.koers.server.api;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import nl.koers.sync.ErrorBody;

/**
 * How the errors of a part of the site that people read in a browser are shown: as a page with that
 * part's own headers, instead of the API's JSON error body. The dashboard has one.
 */
public interface ErrorPage {

    /** Whether the request belongs to the part of the site this page shows errors for. */
    boolean shows(ServerRequest req);

    /** Sends the error as a page (the common {@link ResponseHeaders} are added to it). */
    void send(ServerRequest req, ServerResponse res, Status status, ErrorBody error);
}
