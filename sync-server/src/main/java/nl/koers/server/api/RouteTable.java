package nl.koers.server.api;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Every route of the server with the access it needs, built once from the services'
 * declarations: the web server's routing is registered from it, and the authorization matrix
 * test enumerates it. Each handler runs only after {@link AccessGuard} admitted the caller.
 */
public final class RouteTable {

    private final List<Routes.Group> groups;

    private RouteTable(List<Routes.Group> groups) {
        this.groups = groups;
    }

    /** The table of what the top-level declaration and the services it mounts declare. */
    public static RouteTable of(RoutedService top) {
        return new RouteTable(Routes.collect(top));
    }

    /** Every route in registration order, with its full path. */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Routes.Group group : groups) {
            for (Routes.Entry entry : group.entries()) {
                String path = group.prefix() + entry.path();
                routes.add(new Route(entry.method(), entry.handler() == null ? path + "/*" : path, entry.access()));
            }
        }
        return List.copyOf(routes);
    }

    /** The paths under which static files are served: nothing personal, so they may be cached. */
    public List<String> staticPrefixes() {
        List<String> prefixes = new ArrayList<>();
        for (Routes.Group group : groups) {
            group.entries().stream().filter(entry -> entry.files() != null)
                    .forEach(entry -> prefixes.add(group.prefix() + entry.path() + "/"));
        }
        return List.copyOf(prefixes);
    }

    /** Registers every route on the web server's rules, each behind the guard. */
    public void registerOn(HttpRules rules, AccessGuard guard) {
        for (Routes.Group group : groups) {
            if (group.prefix().isEmpty()) {
                register(rules, group, guard);
            } else {
                rules.register(group.prefix(), groupRules -> register(groupRules, group, guard));
            }
        }
    }

    private static void register(HttpRules rules, Routes.Group group, AccessGuard guard) {
        for (Routes.Entry entry : group.entries()) {
            if (entry.files() != null) {
                rules.register(entry.path(), entry.files());
                continue;
            }
            if (entry.servedByFeature()) {
                for (String path : List.of(entry.path(), entry.path() + "/*")) {
                    rules.any(path, (req, res) -> {
                        guard.admit(entry.access(), req);
                        res.next();
                    });
                }
                continue;
            }
            rules.route(entry.method(), entry.path(), (req, res) -> {
                Caller caller;
                try {
                    caller = guard.admit(entry.access(), req);
                } catch (ApiException e) {
                    if (e.status() == Status.UNAUTHORIZED_401 && entry.access().usesSession() && group.signedOut() != null
                            && !BearerToken.of(req).isPresent()) {
                        group.signedOut().handle(req, res);
                        return;
                    }
                    throw e;
                }
                entry.handler().handle(caller, req, res);
            });
        }
    }
}
