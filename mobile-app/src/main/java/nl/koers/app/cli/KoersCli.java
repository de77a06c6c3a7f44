package nl.koers.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.koers.app.AppServices;
import nl.koers.app.platform.GluonAppDirectory;
import nl.koers.app.security.UnlockResult;
import nl.koers.app.sync.HttpSyncTransport;
import nl.koers.app.sync.ServerAddress;
import nl.koers.app.sync.SyncTransport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The app's core without a screen: pair, log a contact, sync and look at the state, on a chosen
 * data directory. For developers, testers and the fault simulation. The store is encrypted like
 * the app's: {@code --pin} (or {@code KOERS_PIN}) unlocks it, and on a new data directory becomes
 * its PIN.
 */
@Command(name = "koers-app", mixinStandardHelpOptions = true,
        description = "Koers on the command line: the phone's store and sync without the screens.",
        subcommands = {PairCommand.class, StatusCommand.class, SyncCommand.class, LogContactCommand.class})
public final class KoersCli {

    @Option(names = "--data-dir", description = "directory of the local database (default: the app's private storage)")
    Path dataDir;

    @Option(names = "--pin", defaultValue = "${env:KOERS_PIN}",
            description = "the PIN or passphrase of the store (default: $KOERS_PIN); on a new data directory it becomes its PIN")
    String pin;

    private final Clock clock;
    private final Supplier<UUID> ids;
    private final Function<ServerAddress, SyncTransport> transports;

    public KoersCli(Clock clock, Supplier<UUID> ids, Function<ServerAddress, SyncTransport> transports) {
        this.clock = clock;
        this.ids = ids;
        this.transports = transports;
    }

    /** Opens the store and unlocks it with the PIN (choosing it on a new store); fails with what to do. */
    AppServices open() {
        if (pin == null || pin.isEmpty()) {
            throw new IllegalArgumentException("the store is encrypted: give its PIN with --pin or KOERS_PIN");
        }
        AppServices app = AppServices.open(dataDir != null ? dataDir : new GluonAppDirectory().path(), clock, ids, transports);
        char[] typed = pin.toCharArray();
        try {
            String refusal = switch (app.store().unlockOrChoosePin(typed)) {
                case UnlockResult.Unlocked unlocked -> null;
                case UnlockResult.WrongPin wrong when wrong.lockedUntil().isPresent() ->
                        "wrong PIN; no PIN is tried before " + wrong.lockedUntil().get();
                case UnlockResult.WrongPin wrong -> "wrong PIN; " + wrong.attemptsLeft() + " more before a wait starts";
                case UnlockResult.LockedOut out -> "too many wrong PINs; no PIN is tried before " + out.until();
            };
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        } finally {
            Arrays.fill(typed, '\0');
        }
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
