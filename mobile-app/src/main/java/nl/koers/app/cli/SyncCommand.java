package nl.koers.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nl.koers.app.AppServices;
import nl.koers.app.sync.SyncOutcome;
import nl.koers.app.sync.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "sync", description = "Run one sync round: push the outbox, pull the changes. Exit code 0 if it completed.")
final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    KoersCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppServices app = cli.open()) {
            if (app.syncEngine().isEmpty()) {
                spec.commandLine().getErr().println("not paired: run 'pair' first");
                return 2;
            }
            SyncReport report = app.syncEngine().get().syncOnce(
                    (phase, done, total) -> out.printf("%s %d/%s%n", phase, done, total < 0 ? "?" : Long.toString(total)));
            out.printf("%s: applied %d, rejected %d, conflicts %d, pulled %d, removed %d, scope repairs %d%s%n",
                    report.outcome(), report.applied(), report.rejected(), report.conflicts(), report.pulled(),
                    report.removed(), report.scopeRepairs(), report.message() == null ? "" : " (" + report.message() + ")");
            return report.outcome() == SyncOutcome.COMPLETED ? 0 : 1;
        }
    }
}
