package nl.koers.model.schema;

import static nl.koers.model.schema.FieldSpec.optional;
import static nl.koers.model.schema.FieldSpec.required;
import static nl.koers.model.schema.ValueTypes.code;
import static nl.koers.model.schema.ValueTypes.text;

import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.model.codes.ContactKind;
import nl.koers.model.codes.NotesVisibility;
import nl.koers.model.codes.Topic;

/** The fields of a contact (<i>contactmoment</i>): a meeting, home visit or call. */
public final class ContactSchema {

    private ContactSchema() {
    }

    public static RecordSchema create() {
        return DeclaredSchema.builder(RecordType.CONTACT)
                .fields(
                        CommonFields.TRAJECTORY_ID,
                        CommonFields.AT,
                        CommonFields.MINUTES,
                        required("kind", code(ContactKind.class)),
                        optional("topics", ValueTypes.listOf(code(Topic.class))),
                        optional("interpreterUsed", ValueTypes.bool()),
                        CommonFields.NOTES,
                        optional("notesVisibility", code(NotesVisibility.class)),
                        optional("nextStep", text()).personal(),
                        optional("followUpDate", ValueTypes.date()),
                        CommonFields.AUTHOR_ID)
                .build();
    }
}
