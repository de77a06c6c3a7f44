package nl.koers.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nl.koers.app.AppServices;
import nl.koers.app.store.OutboxEntry;
import nl.koers.app.store.StoreStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "Show pairing, pending changes, the inbox of refused changes and the last sync.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    KoersCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppServices app = cli.open()) {
            StoreStatus status = app.store().status();
            out.println(status.pairing().map(p -> "paired: device " + p.deviceId() + " with " + p.serverUrl())
                    .orElse("not paired"));
            out.println("pending: " + status.pending());
            out.println("rejected: " + status.rejected());
            out.println("last sync: " + status.lastSuccess().map(Object::toString).orElse("never"));
            for (OutboxEntry entry : app.store().rejectedInbox()) {
                out.printf("  refused %s %s: %s%n", entry.mutation().recordType().wireName(), entry.mutation().recordId(),
                        entry.rejection().reason().code());
            }
        }
        return 0;
    }
}
