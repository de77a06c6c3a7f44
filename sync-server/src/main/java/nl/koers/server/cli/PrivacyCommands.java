package nl.koers.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.audit.Actor;
import nl.koers.server.audit.AuditCsv;
import nl.koers.server.audit.AuditQuery;
import nl.koers.server.privacy.Retention;
import nl.koers.sync.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin audit}, {@code admin export-participant} and {@code admin retention}. */
final class PrivacyCommands {

    private PrivacyCommands() {
    }

    static void addTo(CommandLine admin, ServerSettings settings) {
        admin.addSubcommand(new Audit(settings));
        admin.addSubcommand(new ExportParticipant(settings));
        admin.addSubcommand(new RetentionCommand(settings));
    }

    /** Writes the text to a new file and says where, or returns it to be printed. */
    private static String deliver(String text, Path out) {
        if (out == null) {
            return text;
        }
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists; choose a new file");
        }
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return "written to " + out.toAbsolutePath();
    }

    @Command(name = "audit", description = "Print the audit log as CSV (ids and codes only), oldest first.")
    static final class Audit extends AdminCommands.ServicesAction {
        @Option(names = "--participant", description = "only this participant's entries (id or full name)")
        String participant;
        @Option(names = "--from", description = "entries at or after this ISO-8601 instant")
        Instant from;
        @Option(names = "--until", description = "entries before this ISO-8601 instant")
        Instant until;
        @Option(names = "--after", defaultValue = "0", description = "entries after this sequence number")
        long after;
        @Option(names = "--limit", defaultValue = "100000", description = "at most this many entries")
        int limit;
        @Option(names = "--out", description = "write to this new file instead of printing")
        Path out;

        Audit(ServerSettings s) {
            super(s);
        }

        @Override
        String run(KoersServices services) {
            UUID id = participant == null ? null : new Lookup(services.store()).participant(participant);
            byte[] csv = AuditCsv.write(services.audit().entries(new AuditQuery(id, from, until, after, limit)));
            return deliver(new String(csv, StandardCharsets.UTF_8).stripTrailing(), out);
        }
    }

    @Command(name = "export-participant",
            description = "Print everything stored about a participant as JSON (right of access); recorded in the audit log.")
    static final class ExportParticipant extends AdminCommands.ServicesAction {
        @Option(names = "--participant", required = true, description = "id or full name")
        String participant;
        @Option(names = "--out", description = "write to this new file instead of printing")
        Path out;

        ExportParticipant(ServerSettings s) {
            super(s);
        }

        @Override
        String run(KoersServices services) {
            UUID id = new Lookup(services.store()).participant(participant);
            return deliver(Json.write(services.privacy().export(id, Actor.cli())), out);
        }
    }

    @Command(name = "retention",
            description = "List the participants due for erasure under koers.privacy.retention-months; --apply erases them.")
    static final class RetentionCommand extends AdminCommands.ServicesAction {
        @Option(names = "--apply", description = "erase them (cannot be undone); without it nothing changes")
        boolean apply;

        RetentionCommand(ServerSettings s) {
            super(s);
        }

        @Override
        String run(KoersServices services) {
            LocalDate today = LocalDate.now(services.clock());
            List<Retention.Due> due = apply ? services.retention().apply(today) : services.retention().due(today);
            String lines = due.stream()
                    .map(d -> d.participantId() + " last trajectory ended " + d.lastTrajectoryEnded() + ", erase from "
                            + d.eraseFrom())
                    .collect(Collectors.joining(System.lineSeparator()));
            String summary = (apply ? "erased " : "due for erasure (dry run; --apply erases): ") + due.size();
            return lines.isEmpty() ? summary : lines + System.lineSeparator() + summary;
        }
    }
}
