package nl.koers.server.cli;

import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import java.io.PrintStream;
import nl.koers.server.KoersServices;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import nl.koers.server.demo.DemoSeeder;
import nl.koers.server.privacy.RetentionSchedule;
import picocli.CommandLine.Command;

/**
 * Starts the server on the configured store, with the daily retention task; seeds demo data into
 * an empty store if asked.
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
        KoersServices services = KoersServices.open(settings);
        if (settings.seedDemo()) {
            new DemoSeeder(services).seedIfEmpty().ifPresent(access -> {
                out.println("Demo pairing code for coach " + access.coachName() + ": " + access.code()
                        + " (valid " + settings.pairingCodeLife().toMinutes() + " minutes)");
                out.println("Demo administrator token (admin API, 'Authorization: Bearer <token>'; shown once): "
                        + access.adminToken());
            });
            out.println("Demo dashboard sign-in: " + DemoSeeder.LEADER_EMAIL + " / " + DemoSeeder.LEADER_PASSWORD);
            out.println("Another administrator token: admin issue-admin-token --user " + DemoSeeder.ADMIN_EMAIL);
        }
        WebServer server = Main.start(config.get("server"), services);
        RetentionSchedule retention = RetentionSchedule.start(services.retention(), services.clock(),
                RetentionSchedule.FIRST_RUN, RetentionSchedule.DAILY);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            retention.close();
            server.stop();
            services.close();
        }, "koers-shutdown"));
        String scheme = settings.privacy().https().isPresent() ? "https" : "http";
        out.println("Koers sync server on " + scheme + "://localhost:" + server.port() + "  (dashboard: /dashboard, health: /observe/health, data: "
                + settings.database().describe() + ", retention " + settings.privacy().retentionMonths() + " months)");
    }
}
