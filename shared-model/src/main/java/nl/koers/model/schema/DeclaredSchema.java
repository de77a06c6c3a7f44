package nl.koers.model.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import nl.koers.model.FieldKind;
import nl.koers.model.RecordSchema;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;

/**
 * A {@link RecordSchema} declared as data: field specs, cross-field rules, change rules and the
 * forward-only fields with their ranking. Validation never throws on any JSON object: every read
 * goes through a {@link ValueType}, which turns a wrong shape into a violation.
 */
public final class DeclaredSchema implements RecordSchema {

    private final RecordType type;
    private final Map<String, FieldSpec<?>> fields;
    private final List<RecordRule> rules;
    private final List<ChangeRule> changeRules;
    private final Map<String, ToIntFunction<String>> forwardRanks;
    private final List<FieldSpec<UUID>> projectFields;

    private DeclaredSchema(Builder builder) {
        this.type = builder.type;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.fields));
        this.rules = List.copyOf(builder.rules);
        this.changeRules = List.copyOf(builder.changeRules);
        this.forwardRanks = Map.copyOf(builder.forwardRanks);
        this.projectFields = List.copyOf(builder.projectFields);
    }

    public static Builder builder(RecordType type) {
        return new Builder(type);
    }

    @Override
    public RecordType type() {
        return type;
    }

    @Override
    public Set<String> fields() {
        return fields.keySet();
    }

    @Override
    public FieldKind kindOf(String field) {
        return forwardRanks.containsKey(field) ? FieldKind.FORWARD_ONLY : FieldKind.VALUE;
    }

    @Override
    public Set<String> personalFields() {
        return fields.values().stream().filter(FieldSpec::isPersonal).map(FieldSpec::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<UUID> projectsNamed(ObjectNode fields) {
        return projectFields.stream().flatMap(field -> field.read(fields).stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<Violation> validate(ObjectNode record) {
        List<Violation> violations = new ArrayList<>();
        fields.values().forEach(spec -> violations.addAll(spec.check(record, "")));
        rules.forEach(rule -> rule.check(record).ifPresent(violations::add));
        return List.copyOf(violations);
    }

    @Override
    public List<Violation> validateChange(ObjectNode before, ObjectNode after) {
        return changeRules.stream().flatMap(rule -> rule.check(before, after).stream()).toList();
    }

    /** The rank of a value of a forward-only field; -1 for a value that is not in its list. */
    @Override
    public int forwardRank(String field, String value) {
        ToIntFunction<String> rank = forwardRanks.get(field);
        return rank == null ? 0 : rank.applyAsInt(value);
    }

    /** Collects a record type's declaration. */
    public static final class Builder {

        private final RecordType type;
        private final Map<String, FieldSpec<?>> fields = new LinkedHashMap<>();
        private final List<RecordRule> rules = new ArrayList<>();
        private final List<ChangeRule> changeRules = new ArrayList<>();
        private final Map<String, ToIntFunction<String>> forwardRanks = new LinkedHashMap<>();
        private final List<FieldSpec<UUID>> projectFields = new ArrayList<>();

        private Builder(RecordType type) {
            this.type = type;
        }

        public Builder fields(FieldSpec<?>... specs) {
            for (FieldSpec<?> spec : specs) {
                if (fields.putIfAbsent(spec.name(), spec) != null) {
                    throw new IllegalArgumentException(type.wireName() + " declares " + spec.name() + " twice");
                }
            }
            return this;
        }

        public Builder rules(RecordRule... more) {
            rules.addAll(List.of(more));
            return this;
        }

        public Builder changeRules(ChangeRule... more) {
            changeRules.addAll(List.of(more));
            return this;
        }

        /** Marks a declared field forward-only: concurrent edits keep the highest-ranked value. */
        public <T> Builder forwardOnly(FieldSpec<T> field, ToIntFunction<T> rank) {
            if (fields.get(field.name()) != field) {
                throw new IllegalArgumentException(field.name() + " is not a declared field of " + type.wireName());
            }
            forwardRanks.put(field.name(), value -> {
                Optional<T> read = value == null ? Optional.empty() : field.type().read(TextNode.valueOf(value));
                return read.map(rank::applyAsInt).orElse(-1);
            });
            return this;
        }

        /** Marks a declared field as the project the record files its participant under. */
        public Builder projectField(FieldSpec<UUID> field) {
            if (fields.get(field.name()) != field) {
                throw new IllegalArgumentException(field.name() + " is not a declared field of " + type.wireName());
            }
            projectFields.add(field);
            return this;
        }

        public DeclaredSchema build() {
            return new DeclaredSchema(this);
        }
    }
}
