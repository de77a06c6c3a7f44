package nl.koers.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import nl.koers.app.AppServices;
import nl.koers.app.store.Pairing;
import nl.koers.app.store.SaveResult;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;
import nl.koers.sync.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "log-contact", description = "Log a contact with a participant (stored locally, queued for sync).")
final class LogContactCommand implements Callable<Integer> {

    @ParentCommand
    KoersCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--participant", required = true, description = "the participant's id")
    UUID participant;

    @Option(names = "--trajectory", required = true, description = "the id of the participant's trajectory")
    UUID trajectory;

    @Option(names = "--kind", defaultValue = "huisbezoek", description = "huisbezoek, op_locatie, telefonisch, ... (default: ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--minutes", required = true, description = "duration in minutes (1-720)")
    int minutes;

    @Option(names = "--at", description = "when, as an ISO instant (default: now)")
    Instant at;

    @Option(names = "--notes", description = "notes")
    String notes;

    /**
     * Logs the contact as the paired user: a complete contact record (trajectory, time, duration,
     * kind, author), so it passes the same validation as one made on the screen.
     */
    @Override
    public Integer call() {
        try (AppServices app = cli.open()) {
            Optional<Pairing> pairing = app.store().pairing();
            if (pairing.isEmpty()) {
                spec.commandLine().getErr().println("not paired: run 'pair' first (a contact needs its author)");
                return 2;
            }
            ObjectNode fields = Json.object()
                    .put("trajectoryId", trajectory.toString())
                    .put("at", (at != null ? at : cli.clock().instant()).toString())
                    .put("minutes", minutes)
                    .put("kind", kind)
                    .put("authorId", pairing.get().userId().toString());
            if (notes != null) {
                fields.put("notes", notes);
            }
            UUID id = app.newId();
            SaveResult result = app.store().save(RecordType.CONTACT, id, participant, fields);
            if (!result.saved()) {
                for (Violation violation : result.violations()) {
                    spec.commandLine().getErr().println(violation.field() + ": " + violation.message(Locale.ENGLISH));
                }
                return 1;
            }
            spec.commandLine().getOut().printf("logged contact %s (outbox seq %d)%n", id, result.mutation().seq());
        }
        return 0;
    }
}
