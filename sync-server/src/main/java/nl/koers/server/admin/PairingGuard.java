package nl.koers.server.admin;

import java.time.Duration;
import java.util.List;
import nl.koers.server.audit.Actor;
import nl.koers.server.audit.AuditAction;
import nl.koers.server.audit.AuditEvent;
import nl.koers.server.audit.AuditLog;
import nl.koers.server.auth.Throttle;
import nl.koers.server.auth.TooManyAttemptsException;
import nl.koers.sync.PairingResponse;

/**
 * Pairing codes are short (eight characters from 31), so guessing is limited before a code is
 * looked at: per client address at most {@link #MAX_PER_ADDRESS} wrong codes per
 * {@link #WINDOW}, and across all addresses at most {@link #MAX_PER_PREFIX} wrong codes starting
 * with the same {@link #PREFIX_LENGTH} characters, which slows an attacker spread over many
 * addresses. A right code, or a request refused for another reason than its code, does not count.
 * An attempt is counted before its code is checked, so the limit holds under a burst. Each pairing
 * is recorded in the audit log.
 */
public final class PairingGuard {

    public static final int MAX_PER_ADDRESS = 10;
    public static final int MAX_PER_PREFIX = 20;
    public static final int PREFIX_LENGTH = 2;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private static final Throttle.Limit PER_ADDRESS = new Throttle.Limit("pair_address", MAX_PER_ADDRESS, WINDOW);
    private static final Throttle.Limit PER_PREFIX = new Throttle.Limit("pair_prefix", MAX_PER_PREFIX, WINDOW);

    private final AdminService admin;
    private final Throttle throttle;
    private final AuditLog audit;

    public PairingGuard(AdminService admin, Throttle throttle, AuditLog audit) {
        this.admin = admin;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * Pairs a device if the address and the code's prefix have attempts left.
     *
     * @throws TooManyAttemptsException (429) without looking at the code, if either is used up
     * @throws AdminException           as {@link AdminService#pair}
     */
    public PairingResponse pair(String code, String deviceName, String clientAddress) {
        String normalised = PairingCodes.normalise(code);
        String prefix = normalised.substring(0, Math.min(PREFIX_LENGTH, normalised.length()));
        Throttle.Admission admission = throttle.admit(List.of(new Throttle.Key(PER_ADDRESS, clientAddress),
                new Throttle.Key(PER_PREFIX, prefix)));
        if (!admission.admitted()) {
            throw new TooManyAttemptsException(admission.refusedBy().limit() == PER_ADDRESS
                    ? "too many wrong pairing codes from this address"
                    : "too many wrong pairing codes like this one from anywhere", admission.retryAfter());
        }
        try {
            PairingResponse device = admin.pair(code, deviceName);
            throttle.forgive(admission);
            audit.record(AuditEvent.about(Actor.device(device.userId(), device.deviceId()), AuditAction.DEVICE_PAIRED,
                    device.deviceId(), ""));
            return device;
        } catch (AdminException e) {
            if (e.kind() != AdminException.Kind.UNAUTHORIZED) {
                throttle.forgive(admission);
            }
            throw e;
        }
    }
}
