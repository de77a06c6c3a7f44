package nl.koers.server.api;

/**
 * A part of the HTTP API: declares its routes, each with the {@link nl.koers.server.auth.Access}
 * it needs, on the {@link Routes} it is given. The only way a Koers route reaches the web server.
 */
@FunctionalInterface
public interface RoutedService {

    void routes(Routes routes);
}
