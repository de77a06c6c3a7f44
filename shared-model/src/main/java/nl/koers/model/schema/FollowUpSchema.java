package nl.koers.model.schema;

import static nl.koers.model.schema.FieldSpec.optional;
import static nl.koers.model.schema.FieldSpec.required;

import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;

/** The fields of a follow-up task (<i>vervolgactie</i>); done by a later record. */
public final class FollowUpSchema {

    private FollowUpSchema() {
    }

    public static RecordSchema create() {
        return DeclaredSchema.builder(RecordType.FOLLOW_UP)
                .fields(
                        CommonFields.TRAJECTORY_ID,
                        required("assigneeId", ValueTypes.uuid()),
                        required("dueDate", ValueTypes.date()),
                        required("description", ValueTypes.text()).personal(),
                        optional("doneAt", ValueTypes.dateTime()),
                        optional("doneByRecordId", ValueTypes.uuid()))
                .build();
    }
}
