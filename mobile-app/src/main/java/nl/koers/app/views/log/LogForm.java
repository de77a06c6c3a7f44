package nl.koers.app.views.log;

import static nl.koers.app.views.log.FormField.Editor.BOOLEAN;
import static nl.koers.app.views.log.FormField.Editor.CHOICE;
import static nl.koers.app.views.log.FormField.Editor.COMBO;
import static nl.koers.app.views.log.FormField.Editor.DATE;
import static nl.koers.app.views.log.FormField.Editor.DAY_OF_INSTANT;
import static nl.koers.app.views.log.FormField.Editor.DONE;
import static nl.koers.app.views.log.FormField.Editor.LONG_TEXT;
import static nl.koers.app.views.log.FormField.Editor.MINUTES;
import static nl.koers.app.views.log.FormField.Editor.MULTI;
import static nl.koers.app.views.log.FormField.Editor.NUMBER;
import static nl.koers.app.views.log.FormField.Editor.TEXT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import nl.koers.app.coach.Fields;
import nl.koers.app.coach.RecordEditor;
import nl.koers.model.RecordType;
import nl.koers.model.codes.AftercareWith;
import nl.koers.model.codes.CefrLevel;
import nl.koers.model.codes.Code;
import nl.koers.model.codes.CodeList;
import nl.koers.model.codes.ContactKind;
import nl.koers.model.codes.ContractLength;
import nl.koers.model.codes.ContractType;
import nl.koers.model.codes.Country;
import nl.koers.model.codes.DropoutReason;
import nl.koers.model.codes.DropoutRisk;
import nl.koers.model.codes.DutchLevel;
import nl.koers.model.codes.EducationLevel;
import nl.koers.model.codes.Gender;
import nl.koers.model.codes.Household;
import nl.koers.model.codes.IntegrationStatus;
import nl.koers.model.codes.LanguageSkill;
import nl.koers.model.codes.LearningRoute;
import nl.koers.model.codes.NotesVisibility;
import nl.koers.model.codes.OtherOutflow;
import nl.koers.model.codes.Outflow;
import nl.koers.model.codes.Phase;
import nl.koers.model.codes.PlacementStatus;
import nl.koers.model.codes.PlacementType;
import nl.koers.model.codes.ReferralSource;
import nl.koers.model.codes.SessionFormat;
import nl.koers.model.codes.StillActive;
import nl.koers.model.codes.Topic;
import nl.koers.model.rules.PlacementStatusMachine;
import nl.koers.sync.Json;

/**
 * Every form a coach fills in: which record it writes, its fields in the order a coach thinks of
 * them, and the defaults that make the first tap a valid record. Forms save as the coach goes,
 * except the outflow, which is final and is confirmed as a whole.
 */
public enum LogForm {
    CONTACT(RecordType.CONTACT, false, List.of(
            FormField.of("minutes", MINUTES),
            FormField.choice("topics", MULTI, codes(Topic.class)),
            FormField.of("notes", LONG_TEXT),
            FormField.choice("kind", CHOICE, codes(ContactKind.class)),
            FormField.of("at", DAY_OF_INSTANT),
            FormField.choice("notesVisibility", CHOICE, codes(NotesVisibility.class)),
            FormField.of("nextStep", TEXT),
            FormField.of("followUpDate", DATE),
            FormField.of("interpreterUsed", BOOLEAN))),
    LANGUAGE_SESSION(RecordType.LANGUAGE_SESSION, false, List.of(
            FormField.of("minutes", MINUTES),
            FormField.choice("skills", MULTI, codes(LanguageSkill.class)),
            FormField.choice("format", CHOICE, codes(SessionFormat.class)),
            FormField.of("at", DAY_OF_INSTANT),
            FormField.choice("cefrEstimate", CHOICE, codes(CefrLevel.class)).optional(),
            FormField.of("notes", LONG_TEXT))),
    PLACEMENT(RecordType.PLACEMENT, false, List.of(
            FormField.choice("placementType", CHOICE, codes(PlacementType.class)),
            FormField.choice("status", CHOICE, LogForm::statusSteps),
            FormField.of("organisationName", TEXT),
            FormField.of("occupation", TEXT),
            FormField.of("startDate", DATE),
            FormField.of("hoursPerWeek", NUMBER),
            FormField.choice("contract", CHOICE, codes(ContractType.class)).optional(),
            FormField.choice("contractLength", CHOICE, codes(ContractLength.class)).optional()
                    .when(is("contract", "tijdelijk")),
            FormField.of("endDate", DATE).when(is("status", "beeindigd")),
            FormField.of("endReason", TEXT).when(is("status", "beeindigd")),
            FormField.of("sector", TEXT),
            FormField.of("contactPerson", TEXT),
            FormField.of("goal", LONG_TEXT),
            FormField.of("competences", LONG_TEXT))),
    AFTERCARE(RecordType.AFTERCARE_CHECK_IN, false, List.of(
            FormField.choice("stillActive", CHOICE, codes(StillActive.class)),
            FormField.choice("with", CHOICE, codes(AftercareWith.class)),
            FormField.of("hoursThisMonth", NUMBER),
            FormField.choice("dropoutRisk", CHOICE, codes(DropoutRisk.class)).optional(),
            FormField.of("contractChange", TEXT),
            FormField.of("issues", LONG_TEXT),
            FormField.of("action", TEXT),
            FormField.of("notes", LONG_TEXT))),
    OUTFLOW(RecordType.TRAJECTORY, true, List.of(
            FormField.choice("outflow", CHOICE, LogForm::outflows),
            FormField.of("outflowDate", DATE),
            FormField.choice("dropoutReason", CHOICE, codes(DropoutReason.class)).when(is("outflow", "voortijdige_uitval")),
            FormField.of("dropoutNote", LONG_TEXT).when(is("outflow", "voortijdige_uitval")),
            FormField.choice("otherOutflow", CHOICE, codes(OtherOutflow.class)).when(is("outflow", "overig")))),
    FOLLOW_UP(RecordType.FOLLOW_UP, false, List.of(
            FormField.of("description", TEXT),
            FormField.of("dueDate", DATE),
            FormField.of("doneAt", DONE))),
    HANDOVER(RecordType.HANDOVER_NOTE, false, List.of(
            FormField.choice("toCoachId", CHOICE, LogForm::otherCoaches),
            FormField.of("text", LONG_TEXT))),
    PROFILE(RecordType.PARTICIPANT, false, List.of(
            FormField.of("givenName", TEXT),
            FormField.of("familyName", TEXT),
            FormField.of("dateOfBirth", DATE),
            FormField.choice("gender", CHOICE, codes(Gender.class)),
            FormField.choice("countryOfOrigin", COMBO, LogForm::countries),
            FormField.of("arrivalDate", DATE),
            FormField.of("permitDate", DATE),
            FormField.choice("educationLevel", CHOICE, codes(EducationLevel.class)),
            FormField.choice("household", CHOICE, codes(Household.class)),
            FormField.choice("dutchOral", CHOICE, codes(DutchLevel.class)),
            FormField.choice("dutchWritten", CHOICE, codes(DutchLevel.class)),
            FormField.choice("cefrLevel", CHOICE, codes(CefrLevel.class)).optional(),
            FormField.choice("integrationStatus", CHOICE, codes(IntegrationStatus.class)),
            FormField.choice("learningRoute", CHOICE, codes(LearningRoute.class)).optional(),
            FormField.of("preferredLanguage", TEXT),
            FormField.of("interpreterNeeded", BOOLEAN),
            FormField.of("municipality", TEXT),
            FormField.of("klantmanager", TEXT),
            FormField.of("phone", TEXT),
            FormField.of("email", TEXT),
            FormField.of("address", TEXT))),
    TRAJECTORY(RecordType.TRAJECTORY, false, List.of(
            FormField.choice("projectId", CHOICE, LogForm::projects),
            FormField.choice("referralSource", CHOICE, codes(ReferralSource.class)),
            FormField.of("referralDate", DATE),
            FormField.of("intakeDate", DATE),
            FormField.choice("phase", CHOICE, codes(Phase.class)),
            FormField.of("goals", LONG_TEXT),
            FormField.of("municipalityApprovalDate", DATE)));

    private static final String UNKNOWN = "onbekend";
    /** Countries most participants come from, offered first. */
    private static final List<String> COMMON_COUNTRIES = List.of("SY", "ER", "AF", "TR", "YE", "IR", "IQ", "SO", "ET", "SD", "UA");

    private final RecordType type;
    private final boolean confirmed;
    private final List<FormField> fields;

    LogForm(RecordType type, boolean confirmed, List<FormField> fields) {
        this.type = type;
        this.confirmed = confirmed;
        this.fields = fields;
    }

    public RecordType type() {
        return type;
    }

    /** Whether the form is saved as a whole with a confirm button instead of field by field. */
    public boolean confirmed() {
        return confirmed;
    }

    public List<FormField> fields() {
        return fields;
    }

    /** The key of the form's title in the bundle. */
    public String titleKey() {
        return "form." + name() + ".title";
    }

    /**
     * The values a new record starts with (every required field), and for an existing record the
     * values it takes on when it first changes here.
     */
    public ObjectNode defaults(FormScope scope) {
        ObjectNode d = Json.object();
        String now = scope.context().now().toString();
        switch (this) {
            case CONTACT, LANGUAGE_SESSION -> {
                d.put("trajectoryId", scope.trajectoryId()).put("at", now).put("authorId", scope.me())
                        .put("minutes", scope.context().preferences().lastMinutes(type).orElse(60));
                if (this == CONTACT) {
                    d.put("kind", ContactKind.HUISBEZOEK.code());
                } else {
                    d.put("format", SessionFormat.TAALMAATJE.code());
                }
            }
            case PLACEMENT -> d.put("trajectoryId", scope.trajectoryId())
                    .put("placementType", PlacementType.VRIJWILLIGERSWERK.code())
                    .put("status", PlacementStatus.VOORGESTELD.code());
            case AFTERCARE -> d.put("doneAt", now).put("with", AftercareWith.DEELNEMER.code())
                    .put("stillActive", StillActive.ONBEKEND.code());
            case OUTFLOW -> d.put("outflowDate", scope.context().today().toString());
            case FOLLOW_UP -> d.put("trajectoryId", scope.trajectoryId()).put("assigneeId", scope.me())
                    .put("dueDate", scope.context().today().plusDays(7).toString());
            case HANDOVER -> d.put("trajectoryId", scope.trajectoryId()).put("fromCoachId", scope.me()).put("writtenAt", now);
            case PROFILE -> Stream.of("gender", "countryOfOrigin", "educationLevel", "household", "dutchOral",
                    "dutchWritten", "integrationStatus").forEach(f -> d.put(f, UNKNOWN));
            case TRAJECTORY -> {
                // a trajectory is always edited once it exists: its required fields are set when it is made
            }
        }
        return d;
    }

    /** Whether the record can no longer be changed in this form (an outflow once final). */
    public boolean locked(ObjectNode stored) {
        return this == OUTFLOW && Fields.text(stored, "outflow").map(Outflow::fromCode).map(Outflow::isFinal).orElse(false);
    }

    /**
     * Completes the staged changes before they are saved: a placement that becomes active starts
     * today unless a start is known; a contract length goes with a temporary contract only; an
     * outflow closes the trajectory (aftercare after work or study) on its date.
     */
    public void complete(RecordEditor editor, FormScope scope) {
        ObjectNode now = editor.current();
        switch (this) {
            case PLACEMENT -> {
                if (is("status", PlacementStatus.ACTIEF.code()).test(now) && Fields.text(now, "startDate").isEmpty()) {
                    editor.stage("startDate", TextNode.valueOf(scope.context().today().toString()));
                }
                if (!is("contract", ContractType.TIJDELIJK.code()).test(now) && Fields.text(now, "contractLength").isPresent()) {
                    editor.stage("contractLength", null);
                }
            }
            case OUTFLOW -> Fields.text(now, "outflow").map(Outflow::fromCode).filter(Outflow::isFinal).ifPresent(outflow -> {
                boolean aftercare = outflow == Outflow.BETAALD_WERK || outflow == Outflow.REGULIERE_OPLEIDING;
                editor.stage("phase", TextNode.valueOf((aftercare ? Phase.NAZORG : Phase.AFGESLOTEN).code()));
                Fields.text(now, "outflowDate").ifPresent(day -> editor.stage("endDate", TextNode.valueOf(day)));
                if (outflow != Outflow.VOORTIJDIGE_UITVAL) {
                    editor.stage("dropoutReason", null);
                }
                if (outflow != Outflow.OVERIG) {
                    editor.stage("otherOutflow", null);
                }
            });
            default -> {
                // nothing follows from the other forms' fields
            }
        }
    }

    private static Function<FormScope, List<FormField.Choice>> codes(Class<? extends Enum<?>> list) {
        return scope -> Stream.of(list.getEnumConstants()).map(Code.class::cast)
                .map(c -> new FormField.Choice(c.code(), scope.texts().label(c), true)).toList();
    }

    private static Predicate<ObjectNode> is(String field, String code) {
        return record -> Fields.text(record, field).filter(code::equals).isPresent();
    }

    private static List<FormField.Choice> statusSteps(FormScope scope) {
        PlacementStatus from = Fields.text(scope.stored(), "status").map(PlacementStatus::fromCode)
                .orElse(PlacementStatus.VOORGESTELD);
        return CodeList.of(PlacementStatus.class).values().stream()
                .map(s -> new FormField.Choice(s.code(), scope.texts().label(s), PlacementStatusMachine.canMove(from, s)))
                .toList();
    }

    private static List<FormField.Choice> outflows(FormScope scope) {
        return CodeList.of(Outflow.class).values().stream().filter(Outflow::isFinal)
                .map(o -> new FormField.Choice(o.code(), scope.texts().label(o), true)).toList();
    }

    private static List<FormField.Choice> otherCoaches(FormScope scope) {
        String me = scope.me();
        List<FormField.Choice> coaches = new ArrayList<>();
        scope.trajectory().map(t -> t.fields().path("coachIds")).filter(ArrayNode.class::isInstance)
                .ifPresent(ids -> ids.forEach(id -> {
                    if (!id.asText().equals(me)) {
                        coaches.add(new FormField.Choice(id.asText(),
                                scope.texts().format("coach.numbered", coaches.size() + 1), true));
                    }
                }));
        return coaches;
    }

    private static List<FormField.Choice> projects(FormScope scope) {
        return scope.context().store().projects().stream()
                .map(p -> new FormField.Choice(p.id().toString(), p.name(), true)).toList();
    }

    private static List<FormField.Choice> countries(FormScope scope) {
        Locale locale = scope.texts().locale();
        Collator order = Collator.getInstance(locale);
        List<FormField.Choice> choices = new ArrayList<>();
        Stream.of(Country.UNKNOWN, Country.STATELESS).forEach(c -> choices.add(new FormField.Choice(c.code(), c.label(locale), true)));
        COMMON_COUNTRIES.forEach(c -> choices.add(new FormField.Choice(c, Country.fromCode(c).label(locale), true)));
        Set<String> listed = Set.copyOf(COMMON_COUNTRIES);
        Stream.of(Locale.getISOCountries()).filter(c -> !listed.contains(c)).map(Country::fromCode)
                .map(c -> new FormField.Choice(c.code(), c.label(locale), true))
                .sorted(Comparator.comparing(FormField.Choice::label, order))
                .forEach(choices::add);
        return choices;
    }
}
