package nl.koers.server.report;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import nl.koers.model.AftercareCheckIn;
import nl.koers.model.Contact;
import nl.koers.model.LanguageSession;
import nl.koers.model.Participant;
import nl.koers.model.Placement;
import nl.koers.model.Trajectory;
import nl.koers.model.codes.Outflow;
import nl.koers.sync.Json;

/**
 * The report engine's SQL: reads the catalogue (projects, organisations, users) and streams every
 * live record one participant at a time (ordered by participant, so memory holds one participant),
 * keeping only what is dated on or before the reference date and what the selection covers.
 * Portable SQL over the tables of {@code db/migration}.
 */
final class ProgrammeScan {

    static final String RECORDS_SQL = "SELECT participant_id, type, id, fields_json FROM records"
            + " WHERE state = 'LIVE' AND type IN ('participant', 'trajectory', 'contact', 'language_session',"
            + " 'placement', 'aftercare_check_in') ORDER BY participant_id";

    private static final ObjectReader PARTICIPANT = Json.MAPPER.readerFor(Participant.class);
    private static final ObjectReader TRAJECTORY = Json.MAPPER.readerFor(Trajectory.class);
    private static final ObjectReader CONTACT = Json.MAPPER.readerFor(Contact.class);
    private static final ObjectReader SESSION = Json.MAPPER.readerFor(LanguageSession.class);
    private static final ObjectReader PLACEMENT = Json.MAPPER.readerFor(Placement.class);
    private static final ObjectReader CHECK_IN = Json.MAPPER.readerFor(AftercareCheckIn.class);

    /** Projects, organisations and user names, read once per report. */
    record Catalogue(Map<UUID, ProjectInfo> projects, Map<UUID, String> userNames) {
    }

    private ProgrammeScan() {
    }

    static Catalogue catalogue(Connection connection) throws SQLException {
        Map<UUID, ProjectInfo> projects = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT p.id, p.organisation_id, o.name AS organisation_name, p.name, p.programme, p.municipalities_json,"
                        + " p.start_date, p.end_date, p.silence_days FROM projects p"
                        + " JOIN organisations o ON o.id = p.organisation_id ORDER BY o.name, p.name");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                UUID id = UUID.fromString(rs.getString("id"));
                String end = rs.getString("end_date");
                projects.put(id, new ProjectInfo(id, UUID.fromString(rs.getString("organisation_id")),
                        rs.getString("organisation_name"), rs.getString("name"), rs.getString("programme"),
                        List.of(Json.read(rs.getString("municipalities_json"), String[].class)),
                        LocalDate.parse(rs.getString("start_date")), end == null ? null : LocalDate.parse(end),
                        rs.getInt("silence_days")));
            }
        }
        Map<UUID, String> users = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, name FROM users");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                users.put(UUID.fromString(rs.getString("id")), rs.getString("name"));
            }
        }
        return new Catalogue(projects, users);
    }

    /** Streams each participant with at least one selected trajectory to the sink. */
    static void scan(Connection connection, Catalogue catalogue, ReportRequest request, Consumer<CaseFile> sink)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RECORDS_SQL)) {
            statement.setFetchSize(1000);
            try (ResultSet rs = statement.executeQuery()) {
                Collector current = null;
                while (rs.next()) {
                    String participantId = rs.getString(1);
                    if (current == null || !current.participantId.equals(participantId)) {
                        if (current != null) {
                            current.finish(catalogue, request).ifPresent(sink);
                        }
                        current = new Collector(participantId);
                    }
                    current.add(rs.getString(2), rs.getString(3), rs.getString(4));
                }
                if (current != null) {
                    current.finish(catalogue, request).ifPresent(sink);
                }
            }
        }
    }

    /** The records of one participant as they come from the scan. */
    private static final class Collector {
        final String participantId;
        Participant participant;
        final Map<UUID, Trajectory> trajectories = new LinkedHashMap<>();
        final List<Contact> contacts = new ArrayList<>();
        final List<LanguageSession> sessions = new ArrayList<>();
        final List<CaseFile.PlacementRecord> placements = new ArrayList<>();
        final List<AftercareCheckIn> checkIns = new ArrayList<>();

        Collector(String participantId) {
            this.participantId = participantId;
        }

        void add(String type, String id, String json) {
            try {
                switch (type) {
                    case "participant" -> participant = PARTICIPANT.readValue(json);
                    case "trajectory" -> trajectories.put(UUID.fromString(id), TRAJECTORY.readValue(json));
                    case "contact" -> contacts.add(CONTACT.readValue(json));
                    case "language_session" -> sessions.add(SESSION.readValue(json));
                    case "placement" -> placements.add(new CaseFile.PlacementRecord(UUID.fromString(id),
                            PLACEMENT.readValue(json)));
                    default -> checkIns.add(CHECK_IN.readValue(json));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable " + type + " record " + id, e);
            }
        }

        Optional<CaseFile> finish(Catalogue catalogue, ReportRequest request) {
            if (participant == null) {
                return Optional.empty();
            }
            LocalDate asOf = request.asOf();
            List<CaseFile.Case> cases = new ArrayList<>();
            for (Map.Entry<UUID, Trajectory> entry : trajectories.entrySet()) {
                Trajectory trajectory = entry.getValue();
                ProjectInfo project = catalogue.projects().get(trajectory.projectId());
                LocalDate start = trajectory.intakeDate() != null ? trajectory.intakeDate() : trajectory.referralDate();
                if (project == null || start == null || start.isAfter(asOf)
                        || !selected(request.selection(), project, trajectory, start, participant)) {
                    continue;
                }
                UUID id = entry.getKey();
                Outflow outflow = trajectory.outflowDate() != null && !trajectory.outflowDate().isAfter(asOf)
                        ? trajectory.outflow() : Outflow.IN_TRAJECT;
                cases.add(new CaseFile.Case(id, trajectory, project, start, outflow,
                        contacts.stream().filter(c -> id.equals(c.trajectoryId()) && !CaseFile.date(c.at()).isAfter(asOf)).toList(),
                        sessions.stream().filter(s -> id.equals(s.trajectoryId()) && !CaseFile.date(s.at()).isAfter(asOf)).toList(),
                        placements.stream().filter(p -> id.equals(p.placement().trajectoryId())
                                && p.placement().startDate() != null && !p.placement().startDate().isAfter(asOf)).toList(),
                        checkIns.stream().filter(a -> id.equals(a.trajectoryId())).toList()));
            }
            if (cases.isEmpty()) {
                return Optional.empty();
            }
            cases.sort(Comparator.comparing(CaseFile.Case::start).thenComparing(CaseFile.Case::trajectoryId));
            return Optional.of(new CaseFile(UUID.fromString(participantId), participant, List.copyOf(cases)));
        }

        private static boolean selected(Selection selection, ProjectInfo project, Trajectory trajectory, LocalDate start,
                                        Participant participant) {
            if (selection.programme() != null && !selection.programme().equals(project.programme())) {
                return false;
            }
            if (!selection.projects().isEmpty() && !selection.projects().contains(project.id())) {
                return false;
            }
            if (!selection.organisations().isEmpty() && !selection.organisations().contains(project.organisationId())) {
                return false;
            }
            if (!selection.municipalities().isEmpty()
                    && !selection.municipalities().contains(CaseFile.municipalityOf(participant, project))) {
                return false;
            }
            if (selection.to() != null && start.isAfter(selection.to())) {
                return false;
            }
            LocalDate end = trajectory.outflowDate();
            return selection.from() == null || end == null || trajectory.outflow() == Outflow.IN_TRAJECT
                    || !end.isBefore(selection.from());
        }
    }
}
