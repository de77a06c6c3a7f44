package nl.koers.server;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.koers.server.api.AccessGuard;
import nl.koers.server.api.AdminHttpService;
import nl.koers.server.api.ErrorMapping;
import nl.koers.server.api.OpenApi;
import nl.koers.server.api.PairingHttpService;
import nl.koers.server.api.ReportHttpService;
import nl.koers.server.api.RouteTable;
import nl.koers.server.api.SyncHttpService;
import nl.koers.server.auth.Access;
import nl.koers.server.cli.KoersCommand;
import nl.koers.server.config.ConfigKey;
import nl.koers.server.dashboard.DashboardErrorPage;
import nl.koers.server.dashboard.DashboardHttpService;
import nl.koers.server.origin.ClientOrigin;
import nl.koers.server.origin.ProxyHeaders;

/** Loads the configuration and runs the command line; without arguments it serves. */
public final class Main {

    /** The loopback address, to which a demo over plain HTTP is bound. */
    public static final String LOOPBACK = "127.0.0.1";
    private static final String ANY_ADDRESS = "0.0.0.0";

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = configuration(ConfigKey.configFile());
        Config.global(config);
        int exit = KoersCommand.create(config).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /**
     * The configuration: system properties, then environment variables, then the configuration file
     * if one is named ({@code koers.config}), then the built-in {@code application.yaml}.
     *
     * @throws IllegalArgumentException if the named file does not exist
     */
    public static Config configuration(String file) {
        Config.Builder builder = Config.builder();
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("the configuration file " + path.toAbsolutePath() + " ("
                        + ConfigKey.CONFIG_FILE.key() + ", " + ConfigKey.CONFIG_FILE.environmentVariable() + ") does not exist");
            }
            builder.addSource(ConfigSources.file(path));
        }
        return builder.addSource(ConfigSources.classpath("application.yaml")).build();
    }

    /**
     * Starts the web server over the services, over HTTPS if a TLS key store is configured
     * ({@code koers.tls}); the caller stops it.
     */
    public static WebServer start(Config server, KoersServices services) {
        WebServerConfig.Builder builder = WebServer.builder()
                .config(server)
                .host(bindHost(server, services.settings()))
                .directHandlers(ErrorMapping.directHandlers())
                .routing(routing -> routing(routing, services));
        services.settings().privacy().https().ifPresent(keys -> builder.tls(tls -> tls.sslContext(keys.sslContext())));
        return builder.build().start();
    }

    /**
     * The address to listen on: {@code server.host} if set; else every address, but only the loopback
     * address when the server holds demo data (whose sign-ins are public) over plain HTTP.
     */
    public static String bindHost(Config server, ServerSettings settings) {
        return ConfigKey.SERVER_HOST.in(server).asString().orElse(
                settings.seedDemo() && settings.privacy().https().isEmpty() ? LOOPBACK : ANY_ADDRESS);
    }

    /**
     * The one routing, shared by {@link #start} and the tests: where each request came from (through
     * the trusted proxy headers), then the route table behind the access guard.
     */
    public static void routing(HttpRouting.Builder routing, KoersServices services) {
        ProxyHeaders proxy = services.settings().proxy();
        routing.addFilter((chain, req, res) -> {
            ClientOrigin.register(req, proxy);
            chain.proceed();
        });
        RouteTable routes = routes(services);
        ErrorMapping.register(routing, routes.staticPrefixes(), List.of(new DashboardErrorPage()));
        routes.registerOn(routing, new AccessGuard(services.admin(), services.adminTokens(), services.signIn(),
                services.store(), services.settings().scrapeToken()));
    }

    /** Every route of the server with the access it needs: what {@link #routing} registers. */
    public static RouteTable routes(KoersServices services) {
        OpenApi openApi = new OpenApi();
        RouteTable table = RouteTable.of(routes -> routes
                .get("/", Access.PUBLIC, (caller, req, res) -> res.status(Status.SEE_OTHER_303)
                        .header(HeaderNames.LOCATION, "/dashboard/").send())
                .servedByFeature("/observe/health", Access.PUBLIC)
                .servedByFeature("/observe/metrics", Access.ADMINISTRATOR_OR_SCRAPER)
                .get(OpenApi.PATH, Access.PUBLIC, openApi)
                .service("/api/sync", new SyncHttpService(services.sync()))
                .service("/api/devices", new PairingHttpService(services.pairing()))
                .service("/api/admin", new AdminHttpService(services.admin(), services.accounts(), services.privacy(),
                        services.audit(), services.adminTokens(), services.devices()))
                .service("/api/reports", new ReportHttpService(services.reports(), services.clock()))
                .service("/dashboard", DashboardHttpService.create(services)));
        openApi.describe(table);
        return table;
    }
}
