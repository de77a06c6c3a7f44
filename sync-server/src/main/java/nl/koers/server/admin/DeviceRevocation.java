package nl.koers.server.admin;

import java.util.UUID;
import nl.koers.server.audit.Actor;
import nl.koers.server.audit.AuditAction;
import nl.koers.server.audit.AuditEvent;
import nl.koers.server.audit.AuditLog;

/**
 * Revokes a device for whoever asked (an administrator, a project leader in the dashboard, the
 * command line) and records it in the audit log: the device's token stops working at once and the
 * phone wipes its data at its next contact.
 */
public final class DeviceRevocation {

    private final AdminService admin;
    private final AuditLog audit;

    public DeviceRevocation(AdminService admin, AuditLog audit) {
        this.admin = admin;
        this.audit = audit;
    }

    /**
     * @throws AdminException {@code device_not_found} (404) if there is no such device
     */
    public void revoke(UUID deviceId, Actor by) {
        admin.revokeDevice(deviceId);
        audit.record(AuditEvent.about(by, AuditAction.DEVICE_REVOKED, deviceId, ""));
    }
}
