package nl.koers.server;

import io.helidon.config.Config;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import nl.koers.server.api.AccessGuard;
import nl.koers.server.api.AdminHttpService;
import nl.koers.server.api.ErrorMapping;
import nl.koers.server.api.PairingHttpService;
import nl.koers.server.api.ReportHttpService;
import nl.koers.server.api.RouteTable;
import nl.koers.server.api.SyncHttpService;
import nl.koers.server.auth.Access;
import nl.koers.server.cli.KoersCommand;
import java.util.List;
import nl.koers.server.dashboard.DashboardErrorPage;
import nl.koers.server.dashboard.DashboardHttpService;

/** Loads the configuration and runs the command line; without arguments it serves. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = Config.create();
        Config.global(config);
        int exit = KoersCommand.create(config).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /**
     * Starts the web server over the services, over HTTPS if a TLS key store is configured
     * ({@code koers.tls}); the caller stops it.
     */
    public static WebServer start(Config server, KoersServices services) {
        WebServerConfig.Builder builder = WebServer.builder()
                .config(server)
                .directHandlers(ErrorMapping.directHandlers())
                .routing(routing -> routing(routing, services));
        services.settings().privacy().https().ifPresent(keys -> builder.tls(tls -> tls.sslContext(keys.sslContext())));
        return builder.build().start();
    }

    /** The one routing, shared by {@link #start} and the tests: the route table behind the access guard. */
    public static void routing(HttpRouting.Builder routing, KoersServices services) {
        RouteTable routes = routes(services);
        ErrorMapping.register(routing, routes.staticPrefixes(), List.of(new DashboardErrorPage()));
        routes.registerOn(routing, new AccessGuard(services.admin(), services.adminTokens(), services.signIn(),
                services.store(), services.settings().scrapeToken()));
    }

    /** Every route of the server with the access it needs: what {@link #routing} registers. */
    public static RouteTable routes(KoersServices services) {
        return RouteTable.of(routes -> routes
                .get("/", Access.PUBLIC, (caller, req, res) -> res.status(Status.SEE_OTHER_303)
                        .header(HeaderNames.LOCATION, "/dashboard/").send())
                .servedByFeature("/observe/health", Access.PUBLIC)
                .servedByFeature("/observe/metrics", Access.ADMINISTRATOR_OR_SCRAPER)
                .service("/api/sync", new SyncHttpService(services.sync()))
                .service("/api/devices", new PairingHttpService(services.pairing()))
                .service("/api/admin", new AdminHttpService(services.admin(), services.accounts(), services.privacy(),
                        services.audit(), services.adminTokens()))
                .service("/api/reports", new ReportHttpService(services.reports(), services.clock()))
                .service("/dashboard", DashboardHttpService.create(services)));
    }
}
