package nl.koers.model.schema;

import static nl.koers.model.schema.FieldSpec.optional;
import static nl.koers.model.schema.FieldSpec.required;
import static nl.koers.model.schema.ValueTypes.code;

import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.model.codes.CefrLevel;
import nl.koers.model.codes.LanguageSkill;
import nl.koers.model.codes.SessionFormat;

/** The fields of a language session (<i>taalsessie</i>). */
public final class LanguageSessionSchema {

    private LanguageSessionSchema() {
    }

    public static RecordSchema create() {
        return DeclaredSchema.builder(RecordType.LANGUAGE_SESSION)
                .fields(
                        CommonFields.TRAJECTORY_ID,
                        CommonFields.AT,
                        CommonFields.MINUTES,
                        CommonFields.AUTHOR_ID,
                        required("format", code(SessionFormat.class)),
                        optional("skills", ValueTypes.listOf(code(LanguageSkill.class))),
                        optional("cefrEstimate", code(CefrLevel.class)),
                        CommonFields.NOTES)
                .build();
    }
}
