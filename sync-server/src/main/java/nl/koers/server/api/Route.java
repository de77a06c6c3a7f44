package nl.koers.server.api;

import io.helidon.http.Method;
import nl.koers.server.auth.Access;

/**
 * One line of the route table: a method, a path as the web server matches it (with
 * {@code {parameters}}; a trailing {@code /*} for a directory of static files) and who may call it.
 */
public record Route(Method method, String path, Access access) {

    @Override
    public String toString() {
        return method.text() + " " + path + " " + access;
    }
}
