package nl.koers.server.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Audit entries as CSV (UTF-8, comma-separated, CR LF, a header line). Every value is an id, a
 * code, a number or an ISO-8601 time, none of which contains a comma or a quote, so no value needs
 * quoting.
 */
public final class AuditCsv {

    static final String HEADER = "seq,at,actor,user_id,device_id,action,participant_id,record_type,record_id,detail";

    private AuditCsv() {
    }

    public static byte[] write(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (AuditEntry e : entries) {
            out.append(Stream.of(e.seq(), e.at(), e.actor(), e.userId(), e.deviceId(), e.action(), e.participantId(),
                            e.recordType() == null ? null : e.recordType().wireName(), e.recordId(), e.detail())
                    .map(value -> Objects.toString(value, ""))
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
