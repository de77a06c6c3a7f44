package nl.koers.server.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.AdminException;
import nl.koers.server.admin.AdminService;
import nl.koers.server.audit.Actor;
import nl.koers.server.auth.AdminTokens;
import nl.koers.server.auth.Role;
import nl.koers.server.privacy.ParticipantPrivacy;
import nl.koers.server.store.Device;
import nl.koers.server.store.Store;
import nl.koers.server.store.StoredProject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin ...}: thin commands over {@link AdminService} and the privacy services on the configured store. */
final class AdminCommands {

    private AdminCommands() {
    }

    static CommandLine create(ServerSettings settings) {
        CommandLine admin = new CommandLine(new Group());
        admin.addSubcommand(new ListUsers(settings));
        admin.addSubcommand(new ListProjects(settings));
        admin.addSubcommand(new CreateOrganisation(settings));
        admin.addSubcommand(new CreateProject(settings));
        admin.addSubcommand(new CreateUser(settings));
        admin.addSubcommand(new AddMember(settings));
        admin.addSubcommand(new Assign(settings));
        admin.addSubcommand(new IssuePairingCode(settings));
        admin.addSubcommand(new RevokeDevice(settings));
        admin.addSubcommand(new SetPassword(settings));
        admin.addSubcommand(new IssueAdminToken(settings));
        admin.addSubcommand(new RevokeAdminToken(settings));
        admin.addSubcommand(new Erase(settings));
        PrivacyCommands.addTo(admin, settings);
        admin.addSubcommand(new Backup(settings));
        admin.addSubcommand(new Restore(settings));
        return admin;
    }

    @Command(name = "admin", description = "Administer the configured store. A user, project, organisation or"
            + " participant is named by its id or by what people know it by: a user's e-mail address or name, a"
            + " project's or organisation's name, a participant's full name.")
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

    /** An action on {@link AdminService}, with the names it was given looked up. */
    abstract static class AdminAction extends ServicesAction {

        AdminAction(ServerSettings settings) {
            super(settings);
        }

        @Override
        final String run(KoersServices services) {
            return run(services.admin(), new Lookup(services.store()));
        }

        abstract String run(AdminService admin, Lookup lookup);
    }

    @Command(name = "users", description = "List the users: id, e-mail address, name and roles.")
    static final class ListUsers extends ServicesAction {
        ListUsers(ServerSettings s) {
            super(s);
        }

        @Override
        String run(KoersServices services) {
            return services.store().read(reads -> reads.users().stream()
                    .map(u -> u.id() + "  " + u.email() + "  " + u.name() + "  " + reads.membershipsOf(u.id()).stream()
                            .map(m -> m.role() + " in " + reads.project(m.projectId()).map(StoredProject::name).orElse("?"))
                            .collect(Collectors.joining(", ")))
                    .collect(Collectors.joining(System.lineSeparator()))).strip();
        }
    }

    @Command(name = "projects", description = "List the projects: id, name, programme, organisation.")
    static final class ListProjects extends ServicesAction {
        ListProjects(ServerSettings s) {
            super(s);
        }

        @Override
        String run(KoersServices services) {
            return services.store().read(reads -> reads.projects().stream()
                    .map(p -> p.id() + "  " + p.name() + "  " + p.programme() + "  "
                            + reads.organisation(p.organisationId()).map(AdminService.Organisation::name).orElse("?"))
                    .collect(Collectors.joining(System.lineSeparator()))).strip();
        }
    }

    @Command(name = "create-organisation", description = "Create an organisation; prints its id.")
    static final class CreateOrganisation extends AdminAction {
        @Option(names = "--name", required = true)
        String name;

        CreateOrganisation(ServerSettings s) {
            super(s);
        }

        @Override
        String run(AdminService admin, Lookup lookup) {
            return admin.createOrganisation(name).id().toString();
        }
    }

    @Command(name = "create-project", description = "Create a project; prints its id.")
    static final class CreateProject extends AdminAction {
        @Option(names = "--organisation", required = true, description = "id or name")
        String organisation;
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
        String run(AdminService admin, Lookup lookup) {
            return admin.createProject(new AdminService.NewProject(lookup.organisation(organisation), name, programme,
                    municipalities, start, end, List.of(), 0)).id().toString();
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
        String run(AdminService admin, Lookup lookup) {
            return admin.createUser(name, email).id().toString();
        }
    }

    @Command(name = "add-member", description = "Give a user a role in a project.")
    static final class AddMember extends AdminAction {
        @Option(names = "--user", required = true, description = "id, e-mail address or name")
        String user;
        @Option(names = "--project", required = true, description = "id or name")
        String project;
        @Option(names = "--role", required = true, description = "${COMPLETION-CANDIDATES}")
        Role role;

        AddMember(ServerSettings s) {
            super(s);
        }

        @Override
        String run(AdminService admin, Lookup lookup) {
            UUID userId = lookup.user(user);
            UUID projectId = lookup.project(project);
            admin.addMembership(userId, projectId, role);
            return "user " + userId + " is " + role + " in project " + projectId;
        }
    }

    @Command(name = "assign", description = "Make a user the coach of a participant in a project (replaces the previous one).")
    static final class Assign extends AdminAction {
        @Option(names = "--participant", required = true, description = "id or full name")
        String participant;
        @Option(names = "--user", required = true, description = "id, e-mail address or name")
        String user;
        @Option(names = "--project", required = true, description = "id or name")
        String project;

        Assign(ServerSettings s) {
            super(s);
        }

        @Override
        String run(AdminService admin, Lookup lookup) {
            UUID participantId = lookup.participant(participant);
            UUID userId = lookup.user(user);
            admin.assign(participantId, userId, lookup.project(project));
            return "participant " + participantId + " now has coach " + userId;
        }
    }

    @Command(name = "pairing-code", description = "Issue a single-use pairing code for a user's phone; prints it.")
    static final class IssuePairingCode extends AdminAction {
        @Option(names = "--user", required = true, description = "id, e-mail address or name")
        String user;

        IssuePairingCode(ServerSettings s) {
            super(s);
        }

        @Override
        String run(AdminService admin, Lookup lookup) {
            return admin.issuePairingCode(lookup.user(user)).code();
        }
    }

    @Command(name = "revoke-device", description = "Revoke a phone for good (lost or handed in): its token stops"
            + " working and it wipes its data at its next contact. Without --device, lists the user's devices.")
    static final class RevokeDevice extends ServicesAction {
        @Option(names = "--user", required = true, description = "id, e-mail address or name of the device's user")
        String user;
        @Option(names = "--device", description = "the device's id, as listed")
        UUID device;

        RevokeDevice(ServerSettings s) {
            super(s);
        }

        @Override
        String run(KoersServices services) {
            UUID userId = new Lookup(services.store()).user(user);
            List<Device> devices = services.store().read(reads -> reads.devicesOf(userId));
            if (device == null) {
                return devices.isEmpty() ? "user " + userId + " has no devices" : devices.stream()
                        .map(d -> d.id() + "  " + d.name() + "  paired " + Instant.ofEpochMilli(d.createdAt())
                                + (d.revoked() ? "  revoked" : ""))
                        .collect(Collectors.joining(System.lineSeparator()));
            }
            if (devices.stream().noneMatch(d -> d.id().equals(device))) {
                throw new AdminException(AdminException.Kind.NOT_FOUND, "device_not_found",
                        "user " + userId + " has no device " + device);
            }
            services.devices().revoke(device, Actor.cli());
            return "revoked device " + device;
        }
    }

    @Command(name = "set-password", description = "Set a user's dashboard password, read from the terminal without"
            + " echo or from the first line of standard input; only project leaders, viewers and administrators can"
            + " sign in with it.")
    static final class SetPassword implements Callable<Integer> {
        private final ServerSettings settings;
        @Option(names = "--user", required = true, description = "id, e-mail address or name")
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
                UUID id = new Lookup(services.store()).user(user);
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
        @Option(names = "--user", required = true, description = "id, e-mail address or name")
        String user;

        IssueAdminToken(ServerSettings s) {
            super(s);
        }

        @Override
        String run(KoersServices services) {
            AdminTokens.Issued issued = services.adminTokens().issue(new Lookup(services.store()).user(user), null);
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
            services.adminTokens().revoke(tokenId, null);
            return "revoked administrator token " + tokenId;
        }
    }

    @Command(name = "erase", description = "Erase a participant under privacy law (cannot be undone).")
    static final class Erase extends ServicesAction {
        @Option(names = "--participant", required = true, description = "id or full name")
        String participant;

        Erase(ServerSettings s) {
            super(s);
        }

        @Override
        String run(KoersServices services) {
            UUID id = new Lookup(services.store()).participant(participant);
            services.privacy().erase(id, null, Actor.cli(), ParticipantPrivacy.ON_REQUEST);
            return "erased " + id;
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
