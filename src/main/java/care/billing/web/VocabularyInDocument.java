package care.billing.web;

import care.billing.governance.RulesService;
import care.billing.ruleset.LoadedRules;
import care.billing.ruleset.Term;
import care.billing.ruleset.Vocabulary;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts the words of the rules serving now into {@code /q/openapi}, on every request for it: the
 * staff roles, contact methods and complexity levels a request may name (as enumerations: anything
 * else is a 400), and the payers and activities the rules know (in the descriptions: any other is
 * accepted and explained by a finding). The words come from the tables, never from Java, so a
 * reload that adds a method changes the document too.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class VocabularyInDocument implements OASFilter {

    private record Field(String schema, String property, Term kind, boolean closed) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("Patient", "complexity", Term.COMPLEXITY, true),
            new Field("Staff", "role", Term.ROLE, true),
            new Field("Entry", "method", Term.METHOD, true),
            new Field("Patient", "payer", Term.PAYER, false),
            new Field("Entry", "activity", Term.ACTIVITY, false));

    private static final String KNOWN = " Known to the rules serving now: ";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Vocabulary vocabulary = serving();
        if (vocabulary == null || openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (Field field : FIELDS) {
            Schema schema = schemas.get(field.schema());
            Schema property = schema == null || schema.getProperties() == null ? null
                    : schema.getProperties().get(field.property());
            if (property == null) {
                continue;
            }
            List<String> words = vocabulary.of(field.kind());
            if (field.closed()) {
                property.setEnumeration(new ArrayList<>(words));
                property.setExamples(words.isEmpty() ? null : new ArrayList<>(List.of(words.get(0))));
            } else {
                String description = property.getDescription() == null ? "" : property.getDescription();
                int known = description.indexOf(KNOWN);
                property.setDescription((known < 0 ? description : description.substring(0, known)) + KNOWN
                        + String.join(", ", words) + ".");
                property.setExamples(words.isEmpty() ? null : new ArrayList<>(List.of(words.get(0))));
            }
        }
    }

    /** The vocabulary of the rules serving now, or null when none are loaded. */
    private static Vocabulary serving() {
        if (Arc.container() == null) {
            return null;
        }
        try (InstanceHandle<RulesService> rules = Arc.container().instance(RulesService.class)) {
            return rules.isAvailable() ? rules.get().current().map(LoadedRules::tables)
                    .map(tables -> tables.vocabulary()).orElse(null) : null;
        }
    }
}
