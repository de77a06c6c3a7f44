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

    @DatabaseField(columnName = "id", id = true)
    UUID id;

    @DatabaseField(columnName = "name", canBeNull = false)
    String name;

    @DatabaseField(columnName = "summary_json", canBeNull = false, dataType = DataType.LONG_STRING)
    String summaryJson;

    ProjectRow() {
    }

    static ProjectRow of(ProjectSummary project) {
        ProjectRow row = new ProjectRow();
        row.id = project.id();
        row.name = project.name();
        row.summaryJson = Json.write(project);
        return row;
    }

    ProjectSummary toSummary() {
        return Json.read(summaryJson, ProjectSummary.class);
    }
}
