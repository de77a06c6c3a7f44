package nl.koers.app.store;

import com.j256.ormlite.field.DataType;
import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;
import java.util.UUID;
import nl.koers.sync.Json;
import nl.koers.sync.ProjectSummary;

/** A project the user works in, as the last pull page described it. */
@DatabaseTable(tableName = "project")
class ProjectRow {

    private static final String SUMMARY = "project.sealed_summary";

    @DatabaseField(columnName = "id", id = true)
    UUID id;

    /** The {@link ProjectSummary} as JSON, sealed. */
    @DatabaseField(columnName = "sealed_summary", canBeNull = false, dataType = DataType.BYTE_ARRAY)
    byte[] sealedSummary;

    ProjectRow() {
    }

    static ProjectRow of(ProjectSummary project, Sealer sealer) {
        ProjectRow row = new ProjectRow();
        row.id = project.id();
        row.sealedSummary = sealer.seal(SUMMARY, row.id, Json.write(project));
        return row;
    }

    ProjectSummary toSummary(Sealer sealer) {
        return Json.read(sealer.open(SUMMARY, id, sealedSummary), ProjectSummary.class);
    }
}
