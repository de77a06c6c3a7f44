package nl.koers.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.koers.model.RecordType;
import nl.koers.server.admin.AdminException;
import nl.koers.server.admin.AdminService;
import nl.koers.server.store.Store;
import nl.koers.server.store.StoredProject;
import nl.koers.sync.Json;
import nl.koers.sync.RecordState;

/**
 * What a person types on the command line for a user, project, organisation or participant, turned
 * into its id: the id itself, or what people know it by (a user's e-mail address or name, a
 * project's or organisation's name, a participant's full name), compared without regard to case
 * and surrounding spaces. A name that fits several is refused with the ids that fit, to choose from.
 */
final class Lookup {

    /** Something found by what it is called, with what tells it apart from its namesakes. */
    private record Named(UUID id, String name, String hint) {
    }

    private final Store store;

    Lookup(Store store) {
        this.store = store;
    }

    /** A user by id, e-mail address or name. */
    UUID user(String text) {
        String key = normalise(text);
        if (key.contains("@")) {
            return store.read(reads -> reads.userByEmail(key)).map(AdminService.User::id)
                    .orElseThrow(() -> notFound("user", "no user with e-mail address " + text.strip()));
        }
        return one("user", text, () -> store.read(reads -> reads.users()).stream()
                .map(u -> new Named(u.id(), u.name(), u.email())).toList());
    }

    /** A project by id or name. */
    UUID project(String text) {
        return one("project", text, () -> store.read(reads -> reads.projects()).stream()
                .map(p -> new Named(p.id(), p.name(), p.programme() + ", from " + p.startDate())).toList());
    }

    /** An organisation by id or name. */
    UUID organisation(String text) {
        return one("organisation", text, () -> store.read(reads -> reads.organisations()).stream()
                .map(o -> new Named(o.id(), o.name(), "")).toList());
    }

    /** A participant by id or full name (given and family name, as the phones show it). */
    UUID participant(String text) {
        List<StoredProject> projects = store.read(reads -> reads.projects());
        return one("participant", text, this::participants, p -> new Named(p.id(), p.name(), projectsOf(p.id(), projects)));
    }

    private List<Named> participants() {
        return store.readSql(connection -> {
            List<Named> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT participant_id, fields_json FROM records WHERE type = ? AND state = ?")) {
                select.setString(1, RecordType.PARTICIPANT.wireName());
                select.setString(2, RecordState.LIVE.name());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ObjectNode fields = Json.readObject(rs.getString(2));
                        String name = (fields.path("givenName").asText("") + " " + fields.path("familyName").asText(""))
                                .strip();
                        found.add(new Named(UUID.fromString(rs.getString(1)), name, ""));
                    }
                }
            }
            return found;
        });
    }

    private String projectsOf(UUID participant, List<StoredProject> projects) {
        var ids = store.read(reads -> reads.projectsOf(participant));
        return projects.stream().filter(p -> ids.contains(p.id())).map(StoredProject::name).sorted()
                .collect(Collectors.joining(", "));
    }

    private static UUID one(String kind, String text, Supplier<List<Named>> candidates) {
        return one(kind, text, candidates, Function.identity());
    }

    /** The one candidate called {@code text}; {@code described} adds what tells namesakes apart, for the refusal. */
    private static UUID one(String kind, String text, Supplier<List<Named>> candidates, Function<Named, Named> described) {
        Optional<UUID> id = uuid(text);
        if (id.isPresent()) {
            return id.get();
        }
        String key = normalise(text);
        if (key.isEmpty()) {
            throw new AdminException(AdminException.Kind.INVALID, "invalid_" + kind, "name a " + kind
                    + " by its id or what it is called");
        }
        List<Named> matches = candidates.get().stream().filter(n -> normalise(n.name()).equals(key)).toList();
        if (matches.size() == 1) {
            return matches.getFirst().id();
        }
        if (matches.isEmpty()) {
            throw notFound(kind, "no " + kind + " called '" + text.strip() + "' (give its name as shown, or its id)");
        }
        Function<Named, String> line = n -> "  " + n.id() + "  " + n.name() + (n.hint().isEmpty() ? "" : "  (" + n.hint() + ")");
        throw new AdminException(AdminException.Kind.INVALID, "ambiguous_" + kind, matches.size() + " " + kind
                + "s are called '" + text.strip() + "'; give the id of the one you mean:" + System.lineSeparator()
                + matches.stream().map(described).map(line).collect(Collectors.joining(System.lineSeparator())));
    }

    private static Optional<UUID> uuid(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(t));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static AdminException notFound(String kind, String message) {
        return new AdminException(AdminException.Kind.NOT_FOUND, "unknown_" + kind, message);
    }
}
