package nl.koers.server.api;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.koers.server.auth.Access;

/**
 * Where routes are declared: each with a method, a path, the {@link Access} it needs and a
 * handler that receives the admitted {@link Caller}. Declaring a route is enforcing its access;
 * there is no method that takes a route without one. Services are mounted under a prefix with
 * {@link #service}; the result is a {@link RouteTable}.
 */
public final class Routes {

    /** Handles a request the access guard admitted. */
    @FunctionalInterface
    public interface Handler {
        void handle(Caller caller, ServerRequest req, ServerResponse res) throws Exception;
    }

    /**
     * A route with its handler, a directory of static files (always public, GET), or a path that a
     * web server feature serves (neither handler nor files: the guard admits, the feature answers).
     */
    record Entry(Method method, String path, Access access, Handler handler, HttpService files) {

        boolean servedByFeature() {
            return handler == null && files == null;
        }
    }

    /** The routes of one prefix, and what their session routes answer to someone not signed in. */
    record Group(String prefix, List<Entry> entries, io.helidon.webserver.http.Handler signedOut) {
    }

    private final String prefix;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Group> groups;
    private io.helidon.webserver.http.Handler signedOut;

    private Routes(String prefix, List<Group> groups) {
        this.prefix = prefix;
        this.groups = groups;
    }

    /** Collects the declarations into a table; the top level's own routes come first. */
    static List<Group> collect(RoutedService top) {
        List<Group> groups = new ArrayList<>();
        Routes routes = new Routes("", groups);
        top.routes(routes);
        groups.addFirst(routes.group());
        return List.copyOf(groups);
    }

    private Group group() {
        return new Group(prefix, List.copyOf(entries), signedOut);
    }

    public Routes get(String path, Access access, Handler handler) {
        return add(Method.GET, path, access, handler);
    }

    public Routes post(String path, Access access, Handler handler) {
        return add(Method.POST, path, access, handler);
    }

    public Routes put(String path, Access access, Handler handler) {
        return add(Method.PUT, path, access, handler);
    }

    public Routes delete(String path, Access access, Handler handler) {
        return add(Method.DELETE, path, access, handler);
    }

    /** A directory of static files under {@code path}: public by nature, so nothing secret may be in it. */
    public Routes staticFiles(String path, HttpService files) {
        entries.add(new Entry(Method.GET, path, Access.PUBLIC, null, Objects.requireNonNull(files)));
        return this;
    }

    /**
     * A path (and everything under it) that a web server feature answers, such as the metrics of
     * Helidon's observe feature: declared here so that the guard admits its callers first.
     */
    public Routes servedByFeature(String path, Access access) {
        entries.add(new Entry(Method.GET, path, Objects.requireNonNull(access), null, null));
        return this;
    }

    /**
     * What the routes of this prefix that need a dashboard session answer when there is none (or
     * it expired): the dashboard shows its sign-in page with 401 instead of an error body.
     */
    public Routes whenSignedOut(io.helidon.webserver.http.Handler page) {
        this.signedOut = Objects.requireNonNull(page);
        return this;
    }

    /** Mounts a service's routes under a prefix (only at the top level). */
    public Routes service(String path, RoutedService service) {
        if (!prefix.isEmpty()) {
            throw new IllegalStateException("services are mounted at the top level only, not under " + prefix);
        }
        Routes routes = new Routes(path, groups);
        service.routes(routes);
        groups.add(routes.group());
        return this;
    }

    private Routes add(Method method, String path, Access access, Handler handler) {
        Objects.requireNonNull(access, "every route declares its access");
        Objects.requireNonNull(handler);
        String parameter = access.requiredPathParameter();
        if (parameter != null && !path.contains("{" + parameter + "}")) {
            throw new IllegalArgumentException(method.text() + " " + prefix + path + ": " + access
                    + " takes the {" + parameter + "} path parameter, which the path does not have");
        }
        entries.add(new Entry(method, path, access, handler, null));
        return this;
    }
}
