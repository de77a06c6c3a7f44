package nl.koers.server.cli;

import io.helidon.config.Config;
import nl.koers.server.ServerSettings;
import nl.koers.server.config.BuildInfo;
import nl.koers.server.config.ConfigKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code koers-server [serve | admin ...]}; without a subcommand it serves. */
@Command(name = "koers-server", mixinStandardHelpOptions = true, versionProvider = KoersCommand.Version.class,
        description = "Koers sync server: serve the API, or administer the configured store.")
public final class KoersCommand implements Runnable {

    private final ServeCommand serve;

    private KoersCommand(ServeCommand serve) {
        this.serve = serve;
    }

    /**
     * The command line with every subcommand, over the given configuration; each command takes
     * {@code --help} (which needs none of its required options) and {@code --version}.
     */
    public static CommandLine create(Config config) {
        ServerSettings settings = ServerSettings.from(ConfigKey.koers(config));
        ServeCommand serve = new ServeCommand(config, settings);
        CommandLine line = new CommandLine(new KoersCommand(serve));
        line.addSubcommand("serve", serve);
        line.addSubcommand("admin", AdminCommands.create(settings));
        line.setCommandName(ConfigKey.LAUNCHER.string(ConfigKey.koers(config)));
        withHelp(line);
        return line;
    }

    private static void withHelp(CommandLine line) {
        for (CommandLine sub : line.getSubcommands().values()) {
            sub.getCommandSpec().mixinStandardHelpOptions(true);
            sub.getCommandSpec().versionProvider(new Version());
            withHelp(sub);
        }
    }

    @Override
    public void run() {
        serve.run();
    }

    /** {@code --version}: Koers's version and the Java runtime. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.versionLine()};
        }
    }
}
