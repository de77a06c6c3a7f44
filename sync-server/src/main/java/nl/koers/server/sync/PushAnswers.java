package nl.koers.server.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.koers.server.auth.ScopePolicy;
import nl.koers.server.store.StoreReads;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;

/**
 * What a push answer may tell the caller. About a participant they hold now, everything: conflicts
 * with both values, a rejection's message and details. About one outside their current scope — a
 * coach reassigned while offline still pushes, and a replay answers with a result stored while
 * the participant was in scope — status and version only ({@link MutationResult#statusOnly}), so
 * that no value another user stored travels back, not even the current value of a field the
 * caller wrote. Judged when the answer is given, inside the push's transaction. A conflict told in
 * full names the writers of both values ({@link WriterNames}); a rejection reason newer than the
 * client's schema version is answered as one it knows ({@link MutationResult#forSchema}).
 */
final class PushAnswers {

    static final String WITHHELD = "details withheld: this participant is not in your scope";

    private final ScopePolicy scope;

    PushAnswers(ScopePolicy scope) {
        this.scope = scope;
    }

    /**
     * The results as the caller may hear them.
     *
     * @param mutations     the request's mutations; the i-th result answers the i-th mutation
     * @param schemaVersion the schema version of the client's request
     */
    List<MutationResult> forCaller(StoreReads reads, UUID userId, List<Mutation> mutations, List<MutationResult> results,
                                   int schemaVersion) {
        List<MutationResult> answers = new ArrayList<>(results.size());
        WriterNames names = new WriterNames(reads);
        for (int i = 0; i < results.size(); i++) {
            MutationResult result = results.get(i);
            boolean mayTell = !result.saysMoreThanStatus() || scope.mayHearAbout(reads, userId, mutations.get(i));
            MutationResult told = mayTell
                    ? result.withConflicts(result.conflicts().stream().map(names::named).toList())
                    : result.statusOnly(WITHHELD);
            answers.add(told.forSchema(schemaVersion));
        }
        return answers;
    }
}
