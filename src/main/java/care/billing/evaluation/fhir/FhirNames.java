package care.billing.evaluation.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * The systems and extension URLs of the FHIR output (docs/fhir.md). CPT and HL7's code systems are
 * the standard ones; what is the service's own (identifier systems for the request's ids, extensions
 * for the rules version and each item's rule) lives under {@value #BASE}, named after the service's
 * Java packages ({@code care.billing}).
 */
public final class FhirNames {

    public static final String BASE = "http://billing.care/fhir/";

    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
    static final String PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority";

    public static final String REQUEST_ID = BASE + "sid/request-id";
    public static final String PATIENT_ID = BASE + "sid/patient-id";
    public static final String BILLING_PROVIDER_ID = BASE + "sid/billing-provider-id";
    public static final String PAYER = BASE + "sid/payer";

    public static final String RULES_VERSION = BASE + "StructureDefinition/rules-version";
    public static final String RULE = BASE + "StructureDefinition/rule";
    public static final String RULE_SOURCE = BASE + "StructureDefinition/rule-source";
    public static final String COUNTED_MINUTES = BASE + "StructureDefinition/counted-minutes";
    public static final String ENTRY_ID = BASE + "StructureDefinition/entry-id";

    /** The provider of a claim whose entries named no billing provider (api.md: one default provider). */
    public static final String DEFAULT_PROVIDER = "Default billing provider";

    private FhirNames() {
    }

    static CodeableConcept concept(String system, String code) {
        CodeableConcept concept = new CodeableConcept();
        concept.addCoding().setSystem(system).setCode(code);
        return concept;
    }

    /** A logical reference: by the request's id, which need not be a FHIR resource id. */
    static Reference reference(String system, String value, String display) {
        return new Reference().setIdentifier(new Identifier().setSystem(system).setValue(value)).setDisplay(display);
    }
}
