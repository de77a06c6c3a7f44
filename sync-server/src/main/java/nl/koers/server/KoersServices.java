package nl.koers.server;

import java.security.SecureRandom;
import java.time.Clock;
import nl.koers.server.admin.AdminService;
import nl.koers.server.admin.DeviceRevocation;
import nl.koers.server.admin.PairingGuard;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.admin.StoreAdminService;
import nl.koers.server.audit.AuditLog;
import nl.koers.server.audit.AuditingSyncService;
import nl.koers.server.auth.AdminTokens;
import nl.koers.server.auth.ScopePolicy;
import nl.koers.server.auth.Throttle;
import nl.koers.server.auth.web.DashboardAccounts;
import nl.koers.server.auth.web.PasswordHasher;
import nl.koers.server.auth.web.SignIn;
import nl.koers.server.auth.web.SignInGuard;
import nl.koers.server.auth.web.WebSessions;
import nl.koers.server.privacy.ParticipantPrivacy;
import nl.koers.server.privacy.Retention;
import nl.koers.server.report.ReportEngine;
import nl.koers.server.store.Store;
import nl.koers.server.sync.StoreSyncService;
import nl.koers.server.sync.SyncService;

/** The server's parts wired together over one store: what the HTTP routing and the CLI use. */
public final class KoersServices implements AutoCloseable {

    private final ServerSettings settings;
    private final Store store;
    private final AdminService admin;
    private final PairingGuard pairing;
    private final DeviceRevocation devices;
    private final SyncService sync;
    private final ReportEngine reports;
    private final Clock clock;
    private final DashboardAccounts accounts;
    private final SignIn signIn;
    private final AuditLog audit;
    private final AdminTokens adminTokens;
    private final ParticipantPrivacy privacy;
    private final Retention retention;

    public KoersServices(ServerSettings settings, Store store, Clock clock, RandomIds random) {
        this.settings = settings;
        this.store = store;
        ScopePolicy scope = new ScopePolicy();
        this.admin = new StoreAdminService(store, clock, random, settings.pairingCodeLife(), scope);
        Throttle throttle = new Throttle(store, clock, random);
        this.audit = new AuditLog(store, clock);
        this.pairing = new PairingGuard(admin, throttle, audit);
        this.devices = new DeviceRevocation(admin, audit);
        this.adminTokens = new AdminTokens(store, clock, random, audit);
        this.sync = new AuditingSyncService(new StoreSyncService(store, clock, settings.sync(), scope), audit);
        this.reports = new ReportEngine(store, settings.reports());
        this.clock = clock;
        SecureRandom secure = new SecureRandom();
        PasswordHasher hasher = new PasswordHasher(secure);
        this.accounts = new DashboardAccounts(store, clock, hasher);
        this.signIn = new SignIn(store, accounts, new WebSessions(store, clock, secure, WebSessions.DEFAULT_IDLE),
                new SignInGuard(throttle, SignInGuard.MAX_FAILURES, SignInGuard.MAX_PER_ADDRESS, SignInGuard.WINDOW), hasher,
                audit);
        this.privacy = new ParticipantPrivacy(store, admin, audit, clock);
        this.retention = new Retention(store, privacy, settings.privacy().retentionMonths());
    }

    /** Opens the configured store (SQLite or PostgreSQL), with the system clock and secure randomness. */
    public static KoersServices open(ServerSettings settings) {
        Clock clock = Clock.systemUTC();
        return new KoersServices(settings, settings.database().open(clock), clock,
                new RandomIds(new SecureRandom()));
    }

    public ServerSettings settings() {
        return settings;
    }

    public Store store() {
        return store;
    }

    public AdminService admin() {
        return admin;
    }

    /** Pairing of devices, with its limits on wrong codes. */
    public PairingGuard pairing() {
        return pairing;
    }

    /** Revocation of devices, recorded in the audit log. */
    public DeviceRevocation devices() {
        return devices;
    }

    public SyncService sync() {
        return sync;
    }

    public ReportEngine reports() {
        return reports;
    }

    /** Dashboard passwords, set by administrators. */
    public DashboardAccounts accounts() {
        return accounts;
    }

    /** Dashboard sign-in and sessions. */
    public SignIn signIn() {
        return signIn;
    }

    public Clock clock() {
        return clock;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Administrators' personal API tokens. */
    public AdminTokens adminTokens() {
        return adminTokens;
    }

    public ParticipantPrivacy privacy() {
        return privacy;
    }

    public Retention retention() {
        return retention;
    }

    @Override
    public void close() {
        store.close();
    }
}
