package nl.koers.server.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.DeviceRevocation;
import nl.koers.server.audit.Actor;
import nl.koers.server.audit.AuditCsv;
import nl.koers.server.audit.AuditLog;
import nl.koers.server.audit.AuditQuery;
import nl.koers.server.auth.Access;
import nl.koers.server.auth.AdminTokens;
import nl.koers.server.auth.Role;
import nl.koers.server.auth.web.DashboardAccounts;
import nl.koers.server.privacy.ParticipantPrivacy;

/**
 * {@code /api/admin/...}: organisations, projects, users, memberships, assignments, pairing codes,
 * device revocation, conflicts, dashboard passwords, administrators' personal tokens, and a
 * participant's privacy rights (export, erasure) with the audit log. Every route needs an
 * administrator's personal token; the audit log names that administrator.
 */
public final class AdminHttpService implements RoutedService {

    record NameBody(String name) {
    }

    record UserBody(String name, String email) {
    }

    record MembershipBody(UUID userId, UUID projectId, Role role) {
    }

    record AssignmentBody(UUID participantId, UUID userId, UUID projectId) {
    }

    record PairingCodeBody(UUID userId) {
    }

    record EraseBody(UUID requestedBy) {
    }

    record PasswordBody(String password) {
    }

    record AdminTokenBody(UUID userId) {
    }

    private static final int DEFAULT_AUDIT_PAGE = 1000;
    private static final Access ADMIN = Access.ADMINISTRATOR;

    private final AdminService admin;
    private final DashboardAccounts accounts;
    private final ParticipantPrivacy privacy;
    private final AuditLog audit;
    private final AdminTokens adminTokens;
    private final DeviceRevocation devices;

    public AdminHttpService(AdminService admin, DashboardAccounts accounts, ParticipantPrivacy privacy, AuditLog audit,
                            AdminTokens adminTokens, DeviceRevocation devices) {
        this.admin = admin;
        this.devices = devices;
        this.accounts = accounts;
        this.privacy = privacy;
        this.audit = audit;
        this.adminTokens = adminTokens;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/organisations", ADMIN, (caller, req, res) -> JsonBodies.send(res, admin.organisations()))
                .post("/organisations", ADMIN, (caller, req, res) -> created(res,
                        admin.createOrganisation(JsonBodies.read(req, NameBody.class).name())))
                .get("/projects", ADMIN, (caller, req, res) -> JsonBodies.send(res, admin.projects()))
                .post("/projects", ADMIN, (caller, req, res) -> created(res,
                        admin.createProject(JsonBodies.read(req, AdminService.NewProject.class))))
                .get("/projects/{projectId}/conflicts", ADMIN, (caller, req, res) ->
                        JsonBodies.send(res, admin.conflicts(id(req, "projectId"))))
                .get("/users", ADMIN, (caller, req, res) -> JsonBodies.send(res, admin.users()))
                .post("/users", ADMIN, (caller, req, res) -> {
                    UserBody body = JsonBodies.read(req, UserBody.class);
                    created(res, admin.createUser(body.name(), body.email()));
                })
                .put("/users/{userId}/dashboard-password", ADMIN, (caller, req, res) -> {
                    accounts.setPassword(id(req, "userId"), JsonBodies.read(req, PasswordBody.class).password());
                    res.status(Status.NO_CONTENT_204).send();
                })
                .post("/memberships", ADMIN, (caller, req, res) -> {
                    MembershipBody body = JsonBodies.read(req, MembershipBody.class);
                    admin.addMembership(body.userId(), body.projectId(), body.role());
                    created(res, body);
                })
                .post("/assignments", ADMIN, (caller, req, res) -> {
                    AssignmentBody body = JsonBodies.read(req, AssignmentBody.class);
                    admin.assign(body.participantId(), body.userId(), body.projectId());
                    created(res, body);
                })
                .delete("/assignments/{participantId}/{userId}", ADMIN, (caller, req, res) -> {
                    admin.unassign(id(req, "participantId"), id(req, "userId"));
                    res.status(Status.NO_CONTENT_204).send();
                })
                .post("/pairing-codes", ADMIN, (caller, req, res) -> created(res,
                        admin.issuePairingCode(JsonBodies.read(req, PairingCodeBody.class).userId())))
                .post("/devices/{deviceId}/revoke", ADMIN, (caller, req, res) -> {
                    devices.revoke(id(req, "deviceId"), Actor.adminApi(caller.administrator()));
                    res.status(Status.NO_CONTENT_204).send();
                })
                .get("/admin-tokens", ADMIN, (caller, req, res) -> JsonBodies.send(res, adminTokens.list()))
                .post("/admin-tokens", ADMIN, (caller, req, res) -> {
                    res.header(HeaderNames.CACHE_CONTROL, "no-store");
                    created(res, adminTokens.issue(JsonBodies.read(req, AdminTokenBody.class).userId(), caller.administrator()));
                })
                .post("/admin-tokens/{tokenId}/revoke", ADMIN, (caller, req, res) -> {
                    adminTokens.revoke(id(req, "tokenId"), caller.administrator());
                    res.status(Status.NO_CONTENT_204).send();
                })
                .post("/participants/{participantId}/erase", ADMIN, (caller, req, res) -> {
                    UUID requestedBy = req.content().hasEntity()
                            ? JsonBodies.read(req, EraseBody.class).requestedBy() : null;
                    UUID participant = id(req, "participantId");
                    privacy.erase(participant, requestedBy, Actor.adminApi(caller.administrator()),
                            ParticipantPrivacy.ON_REQUEST);
                    JsonBodies.send(res, Map.of("erased", participant));
                })
                .get("/participants/{participantId}/export", ADMIN, (caller, req, res) -> {
                    res.header(HeaderNames.CACHE_CONTROL, "no-store");
                    JsonBodies.send(res, privacy.export(id(req, "participantId"), Actor.adminApi(caller.administrator())));
                })
                .get("/audit", ADMIN, (caller, req, res) -> JsonBodies.send(res, audit.entries(auditQuery(req))))
                .get("/audit/csv", ADMIN, (caller, req, res) -> {
                    res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=UTF-8");
                    res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"koers-audit.csv\"");
                    res.header(HeaderNames.CACHE_CONTROL, "no-store");
                    res.send(AuditCsv.write(audit.entries(auditQuery(req))));
                });
    }

    /** {@code ?participant=&from=&until=&after=&limit=}: times as ISO-8601 instants, limit 1000 by default. */
    private static AuditQuery auditQuery(ServerRequest req) {
        var query = req.query();
        try {
            return new AuditQuery(
                    query.first("participant").map(UUID::fromString).orElse(null),
                    query.first("from").map(Instant::parse).orElse(null),
                    query.first("until").map(Instant::parse).orElse(null),
                    query.first("after").map(Long::parseLong).orElse(0L),
                    query.first("limit").map(Integer::parseInt).orElse(DEFAULT_AUDIT_PAGE));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ApiException(Status.BAD_REQUEST_400, "invalid_input", "the audit query is not valid: " + e.getMessage()
                    + " (participant: a UUID; from, until: ISO-8601 instants; after: a number; limit: 1.."
                    + AuditQuery.MAX_LIMIT + ")", List.of("participant", "from", "until", "after", "limit"));
        }
    }

    private static void created(ServerResponse res, Object body) {
        JsonBodies.send(res, Status.CREATED_201, body);
    }

    private static UUID id(ServerRequest req, String name) {
        String value = req.path().pathParameters().get(name);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Status.BAD_REQUEST_400, "invalid_id", "'" + value + "' is not a UUID", List.of(name));
        }
    }
}
