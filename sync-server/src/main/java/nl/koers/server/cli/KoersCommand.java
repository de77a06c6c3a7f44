package nl.koers.server.cli;

import io.helidon.config.Config;
import nl.koers.server.ServerSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code koers-server [serve | admin ...]}; without a subcommand it serves. */
@Command(name = "koers-server", mixinStandardHelpOptions = true,
        description = "Koers sync server: serve the API, or administer the configured store.")
public final class KoersCommand implements Runnable {

    private final ServeCommand serve;

    private KoersCommand(ServeCommand serve) {
        this.serve = serve;
    }

    /** The command line with every subcommand, over the given configuration. */
    public static CommandLine create(Config config) {
        ServerSettings settings = ServerSettings.from(config.get("koers"));
        ServeCommand serve = new ServeCommand(config, settings);
        CommandLine line = new CommandLine(new KoersCommand(serve));
        line.addSubcommand("serve", serve);
        line.addSubcommand("admin", AdminCommands.create(settings));
        return line;
    }

    @Override
    public void run() {
        serve.run();
    }
}
