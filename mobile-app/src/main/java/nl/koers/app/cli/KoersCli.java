package nl.koers.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.koers.app.AppServices;
import nl.koers.app.platform.GluonAppDirectory;
import nl.koers.app.sync.HttpSyncTransport;
import nl.koers.app.sync.ServerAddress;
import nl.koers.app.sync.SyncTransport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The app's core without a screen: pair, log a contact, sync and look at the state, on a chosen
 * data directory. For developers, testers and the fault simulation.
 */
@Command(name = "koers-app", mixinStandardHelpOptions = true,
        description = "Koers on the command line: the phone's store and sync without the screens.",
        subcommands = {PairCommand.class, StatusCommand.class, SyncCommand.class, LogContactCommand.class})
public final class KoersCli {

    @Option(names = "--data-dir", description = "directory of the local database (default: the app's private storage)")
    Path dataDir;

    private final Clock clock;
    private final Supplier<UUID> ids;
    private final Function<ServerAddress, SyncTransport> transports;

    public KoersCli(Clock clock, Supplier<UUID> ids, Function<ServerAddress, SyncTransport> transports) {
        this.clock = clock;
        this.ids = ids;
        this.transports = transports;
    }

    AppServices open() {
        return AppServices.open(dataDir != null ? dataDir : new GluonAppDirectory().path(), clock, ids, transports);
    }

    Clock clock() {
        return clock;
    }

    /** The command line for a configured instance; failures print their message and exit with 1. */
    static CommandLine commandLine(KoersCli cli) {
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setExecutionExceptionHandler((failure, command, parsed) -> {
            command.getErr().println(failure.getMessage());
            return 1;
        });
        return commandLine;
    }

    public static void main(String[] args) {
        KoersCli cli = new KoersCli(Clock.systemUTC(), UUID::randomUUID, HttpSyncTransport::to);
        System.exit(commandLine(cli).execute(args));
    }
}
