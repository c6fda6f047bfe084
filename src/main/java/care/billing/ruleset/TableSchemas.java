package care.billing.ruleset;

import care.billing.model.Activity;
import care.billing.model.CodeFamily;
import care.billing.model.Fee;
import care.billing.model.Method;
import care.billing.model.Payer;
import care.billing.model.RuleSet;
import care.billing.model.StaffRequirement;
import care.billing.model.Word;

import java.util.List;
import java.util.Map;

import static care.billing.ruleset.Column.bool;
import static care.billing.ruleset.Column.decimal;
import static care.billing.ruleset.Column.integer;
import static care.billing.ruleset.Column.key;
import static care.billing.ruleset.Column.month;
import static care.billing.ruleset.Column.name;
import static care.billing.ruleset.Column.termKind;
import static care.billing.ruleset.Column.text;
import static care.billing.ruleset.Column.word;
import static care.billing.ruleset.Column.words;

/**
 * The schema of every table under {@code rules/} (rules/README.md "Data tables"), in the order they
 * load: the tables that declare words come before the tables whose cells must be those words.
 */
final class TableSchemas {

    static final String FROM = "effectiveFrom";
    static final String TO = "effectiveTo";
    static final String CITATION = "citation";

    private static final Column EFFECTIVE_FROM = month(FROM, "the first service month the row is in force (YYYY-MM)");
    private static final Column EFFECTIVE_TO = month(TO, "the last service month the row is in force (YYYY-MM)");
    private static final Column SOURCE = text(CITATION, true, "the source of the row");
    private static final Column RULE_SET = word("ruleSet", Term.RULE_SET, true, "the rule set the row belongs to");

    static final List<TableSchema> ALL = List.of(
            new TableSchema("vocabulary.csv", "words the rules know", List.of(
                    termKind("kind", "the kind of word"),
                    key("word", "the word as requests and tables spell it"),
                    text("meaning", true, "what the word means"),
                    SOURCE),
                    v -> new Word(v.term("kind").name(), v.text("word"), v.text("meaning"), v.text(CITATION), v.source()),
                    v -> Map.entry(v.term("kind"), v.text("word"))),
            new TableSchema("rule-set.csv", "the months a rule set is in force", List.of(
                    key("ruleSet", "the rule set's name"),
                    EFFECTIVE_FROM, EFFECTIVE_TO, SOURCE),
                    v -> new RuleSet(v.text("ruleSet"), v.text(FROM), v.text(TO), v.text(CITATION), v.source()),
                    v -> Map.entry(Term.RULE_SET, v.text("ruleSet"))),
            new TableSchema("payers.csv", "the payer codes a rule set is written for", List.of(
                    key("payer", "the payer code of the requests"),
                    RULE_SET,
                    text("meaning", false, "who the payer is"),
                    SOURCE),
                    v -> new Payer(v.text("payer"), v.text("ruleSet"), v.text("meaning"), v.text(CITATION), v.source()),
                    v -> Map.entry(Term.PAYER, v.text("payer"))),
            new TableSchema("methods.csv", "the contact methods an entry may name", List.of(
                    key("method", "the method as requests spell it"),
                    bool("faceToFace", "whether the work is face-to-face (true or false)"),
                    words("countedBy", Term.RULE_SET, false, "the rule sets that count the method's time"),
                    text("meaning", true, "what the method is"),
                    SOURCE),
                    v -> new Method(v.text("method"), v.bool("faceToFace"), v.words("countedBy"), v.text("meaning"),
                            v.text(CITATION), v.source()),
                    v -> Map.entry(Term.METHOD, v.text("method"))),
            new TableSchema("activities.csv", "the activities the rules know", List.of(
                    key("activity", "the activity as requests spell it"),
                    bool("counts", "whether the activity's time counts (true or false)"),
                    text("meaning", true, "what the activity is"),
                    EFFECTIVE_FROM, EFFECTIVE_TO, SOURCE),
                    v -> new Activity(v.text("activity"), v.bool("counts"), v.text("meaning"), v.text(FROM), v.text(TO),
                            v.text(CITATION), v.source()),
                    v -> Map.entry(Term.ACTIVITY, v.text("activity"))),
            new TableSchema("code-families.csv", "a rule set's code families", List.of(
                    RULE_SET,
                    word("family", Term.FAMILY, true, "the code family"),
                    name("name", "how claim lines cite the family, without numbers"),
                    word("primaryCode", Term.CODE, true, "the primary code"),
                    integer("primaryMinutes", true, 1, "the countable minutes that reach the primary code"),
                    word("addOnCode", Term.CODE, false, "the add-on code"),
                    integer("addOnFirstUnitMinutes", false, 1, "the minutes that reach the first add-on unit"),
                    integer("addOnBlockMinutes", false, 1, "the full minutes each further add-on unit needs"),
                    integer("addOnMaxUnits", false, 0, "the monthly cap on add-on units (blank: no cap)"),
                    integer("preference", true, 0, "the family order on a fee tie (lower wins)"),
                    word("dateOfService", Term.DATE_OF_SERVICE, true, "the date of service"),
                    words("countedRoles", Term.ROLE, true, "the staff roles whose time counts toward the family"),
                    EFFECTIVE_FROM, EFFECTIVE_TO, SOURCE),
                    v -> new CodeFamily(v.text("ruleSet"), v.text("family"), v.text("name"), v.text("primaryCode"),
                            v.integer("primaryMinutes"), v.text("addOnCode"), v.integer("addOnFirstUnitMinutes"),
                            v.integer("addOnBlockMinutes"), v.integer("addOnMaxUnits"), v.integer("preference"),
                            v.text("dateOfService"), v.words("countedRoles"), v.text(FROM), v.text(TO), v.text(CITATION),
                            v.source()),
                    null),
            new TableSchema("fees.csv", "the allowed amount per unit of a code", List.of(
                    RULE_SET,
                    word("code", Term.CODE, true, "the billing code"),
                    decimal("amount", 0, "the allowed amount per unit in dollars"),
                    EFFECTIVE_FROM, EFFECTIVE_TO, SOURCE),
                    v -> new Fee(v.text("ruleSet"), v.text("code"), v.decimal("amount"), v.text(FROM), v.text(TO),
                            v.text(CITATION), v.source()),
                    null),
            new TableSchema("staff-requirements.csv", "what staff must meet for their time to count", List.of(
                    RULE_SET,
                    words("roles", Term.ROLE, true, "the staff roles the requirement applies to"),
                    word("requirement", Term.STAFF_REQUIREMENT, true, "the requirement"),
                    key("finding", "the finding code an entry gets when its staff member does not meet it"),
                    EFFECTIVE_FROM, EFFECTIVE_TO, SOURCE),
                    v -> new StaffRequirement(v.text("ruleSet"), v.words("roles"), v.text("requirement"), v.text("finding"),
                            v.text(FROM), v.text(TO), v.text(CITATION), v.source()),
                    null));

    private TableSchemas() {
    }

    static TableSchema named(String fileName) {
        return ALL.stream().filter(s -> s.fileName().equals(fileName)).findFirst().orElse(null);
    }

    static List<String> fileNames() {
        return ALL.stream().map(TableSchema::fileName).toList();
    }
}
