package nl.koers.server.cli;

import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import java.io.PrintStream;
import java.nio.file.Path;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.config.BuildInfo;
import nl.koers.server.config.ConfigKey;
import nl.koers.server.demo.DemoSeeder;
import nl.koers.server.privacy.RetentionSchedule;
import nl.koers.server.store.DatabaseSettings;
import picocli.CommandLine.Command;

/**
 * Starts the server on the configured store, with the daily retention task; seeds demo data into
 * an empty store if asked. What it prints on start is true of this start: where it listens, the
 * store, and for the demo the pairing code only if it made one.
 */
@Command(name = "serve", description = "Start the sync server.")
final class ServeCommand implements Runnable {

    private final Config config;
    private final ServerSettings settings;

    ServeCommand(Config config, ServerSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    @Override
    public void run() {
        PrintStream out = System.out;
        String launcher = launcher();
        KoersServices services = KoersServices.open(settings);
        if (settings.seedDemo()) {
            seedDemo(services, out, launcher);
        }
        Config server = ConfigKey.server(config);
        WebServer web = Main.start(server, services);
        RetentionSchedule retention = RetentionSchedule.start(services.retention(), services.clock(),
                RetentionSchedule.FIRST_RUN, RetentionSchedule.DAILY);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            retention.close();
            web.stop();
            services.close();
        }, "koers-shutdown"));
        String scheme = settings.privacy().https().isPresent() ? "https" : "http";
        String host = Main.bindHost(server, settings);
        boolean loopback = host.equals(Main.LOOPBACK) || host.equals("localhost");
        out.println("Koers " + BuildInfo.version() + " sync server on " + scheme + "://" + (host.equals("0.0.0.0")
                ? "<this host>" : host) + ":" + web.port() + (loopback ? " (this machine only"
                + (settings.seedDemo() ? ": demo data over plain HTTP; set SERVER_HOST to listen elsewhere" : "") + ")"
                : host.equals("0.0.0.0") ? " (every address)" : ""));
        out.println("  dashboard: /dashboard, health: /observe/health, API description: /api/openapi.json");
        out.println("  data: " + settings.database().describe() + ", retention " + settings.privacy().retentionMonths()
                + " months" + (scheme.equals("http") ? ", plain HTTP (phones connect only over HTTPS, except to localhost)" : ""));
        out.println("  administer: " + launcher + " admin --help (passwords: admin set-password, phones: admin"
                + " pairing-code, API tokens: admin issue-admin-token)");
    }

    /**
     * The admin command line as the person at this server types it: with the data directory in front
     * when it is not the default one, so that the command reaches the same store.
     */
    private String launcher() {
        String command = ConfigKey.LAUNCHER.string(ConfigKey.koers(config));
        boolean defaultDir = settings.dataDir().normalize().equals(Path.of(ConfigKey.DATA_DIR.defaultValue()));
        return settings.database().kind() == DatabaseSettings.Kind.SQLITE && !defaultDir
                ? ConfigKey.DATA_DIR.environmentVariable() + "=" + settings.dataDir() + " " + command : command;
    }

    private void seedDemo(KoersServices services, PrintStream out, String launcher) {
        new DemoSeeder(services).seedIfEmpty().ifPresentOrElse(access -> {
            out.println("Demo pairing code for coach " + access.coachName() + ": " + access.code()
                    + " (valid " + settings.pairingCodeLife().toMinutes() + " minutes)");
            out.println("Demo administrator token (admin API, 'Authorization: Bearer <token>'; shown once): "
                    + access.adminToken());
        }, () -> out.println("Demo data is already there, so no new pairing code was made; for one: " + launcher
                + " admin pairing-code --user " + DemoSeeder.FIRST_COACH_EMAIL + " (or in the dashboard: a project,"
                + " then phones and pairing codes)"));
        out.println("Demo dashboard sign-in: " + DemoSeeder.LEADER_EMAIL + " / " + DemoSeeder.LEADER_PASSWORD);
        out.println("Another administrator token: " + launcher + " admin issue-admin-token --user " + DemoSeeder.ADMIN_EMAIL);
    }
}
