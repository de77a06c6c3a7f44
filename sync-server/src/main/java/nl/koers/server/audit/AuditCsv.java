package nl.koers.server.audit;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import nl.koers.server.csv.CsvFile;

/** Audit entries as comma-separated CSV with a header line ({@link CsvFile#commaSeparated}). */
public final class AuditCsv {

    static final String HEADER = "seq,at,actor,user_id,device_id,action,participant_id,record_type,record_id,detail";

    private AuditCsv() {
    }

    public static byte[] write(List<AuditEntry> entries) {
        CsvFile csv = CsvFile.commaSeparated().row(List.of(HEADER.split(",")));
        for (AuditEntry e : entries) {
            csv.row(Stream.of(e.seq(), e.at(), e.actor(), e.userId(), e.deviceId(), e.action(), e.participantId(),
                            e.recordType() == null ? null : e.recordType().wireName(), e.recordId(), e.detail())
                    .map(value -> Objects.toString(value, ""))
                    .toList());
        }
        return csv.bytes();
    }
}
