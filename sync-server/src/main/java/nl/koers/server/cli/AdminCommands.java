package nl.koers.server.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminException;
import nl.koers.server.admin.AdminService;
import nl.koers.server.audit.Actor;
import nl.koers.server.auth.AdminTokens;
import nl.koers.server.auth.Role;
import nl.koers.server.privacy.ParticipantPrivacy;
import nl.koers.server.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin ...}: thin commands over {@link AdminService} and the privacy services on the configured store. */
final class AdminCommands {

    private AdminCommands() {
    }

    static CommandLine create(ServerSettings settings) {
        CommandLine admin = new CommandLine(new Group());
        admin.addSubcommand(new CreateOrganisation(settings));
        admin.addSubcommand(new CreateProject(settings));
        admin.addSubcommand(new CreateUser(settings));
        admin.addSubcommand(new AddMember(settings));
        admin.addSubcommand(new Assign(settings));
        admin.addSubcommand(new IssuePairingCode(settings));
        admin.addSubcommand(new SetPassword(settings));
        admin.addSubcommand(new IssueAdminToken(settings));
        admin.addSubcommand(new RevokeAdminToken(settings));
        admin.addSubcommand(new Erase(settings));
        PrivacyCommands.addTo(admin, settings);
        admin.addSubcommand(new Backup(settings));
        admin.addSubcommand(new Restore(settings));
        return admin;
    }

    @Command(name = "admin", mixinStandardHelpOptions = true, description = "Administer the configured store.")
    static final class Group {
    }

    /**
     * Runs an action on the services over a freshly opened store and prints its outcome; admin
     * errors and invalid values exit with 1.
     */
    abstract static class ServicesAction implements Callable<Integer> {
        private final ServerSettings settings;

        ServicesAction(ServerSettings settings) {
            this.settings = settings;
        }

        @Override
        public Integer call() {
            try (KoersServices services = KoersServices.open(settings)) {
                System.out.println(run(services));
                return 0;
            } catch (AdminException e) {
                System.err.println("error: " + e.getMessage() + (e.details().isEmpty() ? "" : " " + e.details()));
                return 1;
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 1;
            }
        }

        abstract String run(KoersServices services);
    }

    /** An action on {@link AdminService} alone. */
    abstract static class AdminAction extends ServicesAction {

        AdminAction(ServerSettings settings) {
            super(settings);
        }

        @Override
        final String run(KoersServices services) {
            return run(services.admin());
        }

        abstract String run(AdminService admin);
    }

    @Command(name = "create-organisation", description = "Create an organisation; prints its id.")
    static final class CreateOrganisation extends AdminAction {
        @Option(names = "--name", required = true)
        String name;

        CreateOrganisation(ServerSettings s) {
            super(s);
        }

        @Override
        String run(AdminService admin) {
            return admin.createOrganisation(name).id().toString();
        }
    }

    @Command(name = "create-project", description = "Create a project; prints its id.")
    static final class CreateProject extends AdminAction {
        @Option(names = "--organisation", required = true)
        UUID organisation;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--programme", defaultValue = "")
        String programme;
        @Option(names = "--municipality", description = "repeat for several")
        List<String> municipalities = List.of();
        @Option(names = "--start", required = true, description = "yyyy-MM-dd")
        LocalDate start;
        @Option(names = "--end", description = "yyyy-MM-dd")
        LocalDate end;

        CreateProject(ServerSettings s) {
            super(s);
        }

        @Override
        String run(AdminService admin) {
            return admin.createProject(new AdminService.NewProject(organisation, name, programme, municipalities, start, end,
                    List.of(), 0)).id().toString();
        }
    }

    @Command(name = "create-user", description = "Create a user; prints its id.")
    static final class CreateUser extends AdminAction {
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--email", required = true)
        String email;

        CreateUser(ServerSettings s) {
            super(s);
        }

        @Override
        String run(AdminService admin) {
            return admin.createUser(name, email).id().toString();
        }
    }

    @Command(name = "add-member", description = "Give a user a role in a project.")
    static final class AddMember extends AdminAction {
        @Option(names = "--user", required = true)
        UUID user;
        @Option(names = "--project", required = true)
        UUID project;
        @Option(names = "--role", required = true, description = "${COMPLETION-CANDIDATES}")
        Role role;

        AddMember(ServerSettings s) {
            super(s);
        }

        @Override
        String run(AdminService admin) {
            admin.addMembership(user, project, role);
            return "ok";
        }
    }

    @Command(name = "assign", description = "Make a user the coach of a participant in a project (replaces the previous one).")
    static final class Assign extends AdminAction {
        @Option(names = "--participant", required = true)
        UUID participant;
        @Option(names = "--user", required = true)
        UUID user;
        @Option(names = "--project", required = true)
        UUID project;

        Assign(ServerSettings s) {
            super(s);
        }

        @Override
        String run(AdminService admin) {
            admin.assign(participant, user, project);
            return "ok";
        }
    }

    @Command(name = "pairing-code", description = "Issue a single-use pairing code for a user's phone.")
    static final class IssuePairingCode extends AdminAction {
        @Option(names = "--user", required = true)
        UUID user;

        IssuePairingCode(ServerSettings s) {
            super(s);
        }

        @Override
        String run(AdminService admin) {
            return admin.issuePairingCode(user).code();
        }
    }

    @Command(name = "set-password", description = "Set a user's dashboard password, read from the terminal without"
            + " echo or from the first line of standard input; only project leaders, viewers and administrators can"
            + " sign in with it.")
    static final class SetPassword implements Callable<Integer> {
        private final ServerSettings settings;
        @Option(names = "--user", required = true, description = "user id or e-mail address")
        String user;

        SetPassword(ServerSettings s) {
            this.settings = s;
        }

        @Override
        public Integer call() throws IOException {
            Console console = System.console();
            String password = console != null ? new String(console.readPassword("Dashboard password for %s: ", user))
                    : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            try (KoersServices services = KoersServices.open(settings)) {
                UUID id = userId(services, user);
                services.accounts().setPassword(id, password);
                System.out.println("dashboard password set for " + id);
                return 0;
            } catch (AdminException e) {
                System.err.println("error: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "issue-admin-token", description = "Issue a personal API token for an administrator (a user with the"
            + " ADMINISTRATOR role); prints it once. Local access to the store is what authorises this.")
    static final class IssueAdminToken extends ServicesAction {
        @Option(names = "--user", required = true, description = "user id or e-mail address")
        String user;

        IssueAdminToken(ServerSettings s) {
            super(s);
        }

        @Override
        String run(KoersServices services) {
            AdminTokens.Issued issued = services.adminTokens().issue(userId(services, user), null);
            return "administrator token " + issued.id() + " for user " + issued.userId() + " (shown once; keep it secret):"
                    + System.lineSeparator() + issued.token();
        }
    }

    @Command(name = "revoke-admin-token", description = "Revoke an administrator's personal API token for good.")
    static final class RevokeAdminToken extends ServicesAction {
        @Option(names = "--token-id", required = true, description = "the id printed when the token was issued")
        UUID tokenId;

        RevokeAdminToken(ServerSettings s) {
            super(s);
        }

        @Override
        String run(KoersServices services) {
            services.adminTokens().revoke(tokenId);
            return "revoked administrator token " + tokenId;
        }
    }

    /** A user named on the command line by id or by e-mail address. */
    static UUID userId(KoersServices services, String idOrEmail) {
        if (idOrEmail.contains("@")) {
            return services.store().read(reads -> reads.userByEmail(idOrEmail.strip().toLowerCase(Locale.ROOT)))
                    .orElseThrow(() -> new AdminException(AdminException.Kind.NOT_FOUND, "unknown_user",
                            "no user with e-mail address " + idOrEmail)).id();
        }
        try {
            return UUID.fromString(idOrEmail);
        } catch (IllegalArgumentException e) {
            throw new AdminException(AdminException.Kind.INVALID, "invalid_user", "--user takes a user id or an e-mail"
                    + " address: " + idOrEmail);
        }
    }

    @Command(name = "erase", description = "Erase a participant under privacy law (cannot be undone).")
    static final class Erase extends ServicesAction {
        @Option(names = "--participant", required = true)
        UUID participant;

        Erase(ServerSettings s) {
            super(s);
        }

        @Override
        String run(KoersServices services) {
            services.privacy().erase(participant, null, Actor.cli(), ParticipantPrivacy.ON_REQUEST);
            return "erased " + participant;
        }
    }

    /** Works on the store directly, without the services. */
    abstract static class StoreAction implements Callable<Integer> {
        final ServerSettings settings;

        StoreAction(ServerSettings settings) {
            this.settings = settings;
        }

        <T> T withStore(Function<Store, T> work) {
            try (Store store = settings.database().open(Clock.systemUTC())) {
                return work.apply(store);
            }
        }
    }

    @Command(name = "backup", description = "Write a consistent copy of the store to a new file; safe while serving.")
    static final class Backup extends StoreAction {
        @Option(names = "--to", required = true)
        Path target;

        Backup(ServerSettings s) {
            super(s);
        }

        @Override
        public Integer call() {
            if (Files.exists(target)) {
                System.err.println("error: " + target + " exists; choose a new file");
                return 1;
            }
            withStore(store -> {
                store.backupTo(target);
                return null;
            });
            System.out.println("backup written to " + target.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "restore", description = "Replace the store's data with a backup (SQLite: server stopped); starts a new epoch.")
    static final class Restore extends StoreAction {
        @Option(names = "--from", required = true)
        Path source;

        Restore(ServerSettings s) {
            super(s);
        }

        @Override
        public Integer call() {
            if (!Files.isRegularFile(source)) {
                System.err.println("error: no backup file at " + source);
                return 1;
            }
            String epoch = settings.database().restore(source, Clock.systemUTC());
            System.out.println("restored " + source + "; new epoch " + epoch + " (devices will re-read and re-send)");
            return 0;
        }
    }
}
