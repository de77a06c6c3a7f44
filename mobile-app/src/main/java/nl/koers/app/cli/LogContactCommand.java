package nl.koers.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import nl.koers.app.AppServices;
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

    @Option(names = "--trajectory", description = "the trajectory's id")
    UUID trajectory;

    @Option(names = "--kind", defaultValue = "huisbezoek", description = "huisbezoek, op_locatie, telefonisch, ... (default: ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--minutes", defaultValue = "60", description = "duration in minutes (default: ${DEFAULT-VALUE})")
    int minutes;

    @Option(names = "--at", description = "when, as an ISO instant (default: now)")
    Instant at;

    @Option(names = "--notes", description = "notes")
    String notes;

    @Override
    public Integer call() {
        ObjectNode fields = Json.object()
                .put("kind", kind)
                .put("minutes", minutes)
                .put("at", (at != null ? at : cli.clock().instant()).toString());
        if (trajectory != null) {
            fields.put("trajectoryId", trajectory.toString());
        }
        if (notes != null) {
            fields.put("notes", notes);
        }
        try (AppServices app = cli.open()) {
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
