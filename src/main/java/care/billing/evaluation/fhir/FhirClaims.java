package care.billing.evaluation.fhir;

import care.billing.evaluation.Evaluation;
import care.billing.model.ClaimLine;
import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An evaluation's claim lines as a FHIR R4 {@code Bundle} of type {@code collection} (api.md "Claim
 * output as FHIR R4", docs/fhir.md): one {@code Claim} per patient and billing provider with claim
 * lines, one {@code Claim.item} per line, in the lines' order. Findings are not part of it. Built
 * with HAPI FHIR's R4 model; the output of a request and rules version is always the same bytes.
 */
public final class FhirClaims {

    private final FhirContext context;

    /** Creating the context reads HAPI's R4 model (about a second): one per service, thread-safe. */
    public FhirClaims() {
        this.context = FhirContext.forR4();
    }

    /** A new instance that has encoded one claim already: HAPI has read the parts of its model the output uses. */
    public static FhirClaims warmedUp() {
        FhirClaims claims = new FhirClaims();
        ClaimLine line = new ClaimLine("P", "PAYER", "1", "FAMILY", "99490", 1, 20, java.time.LocalDate.of(2026, 1, 31),
                List.of("E"), "rule", "source", BigDecimal.ONE, false);
        claims.json("warm-up", new Evaluation("2026-01", "sha256:", List.of(line), List.of()));
        return claims;
    }

    public FhirContext context() {
        return context;
    }

    /** The Bundle as compact JSON (one line: strings escape their line breaks). */
    public String json(String requestId, Evaluation evaluation) {
        return context.newJsonParser().encodeResourceToString(bundle(requestId, evaluation));
    }

    public byte[] jsonBytes(String requestId, Evaluation evaluation) {
        return json(requestId, evaluation).getBytes(StandardCharsets.UTF_8);
    }

    /** @param requestId the request's requestId, carried as the Bundle's identifier; null for none */
    public Bundle bundle(String requestId, Evaluation evaluation) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        if (requestId != null) {
            bundle.setIdentifier(new Identifier().setSystem(FhirNames.REQUEST_ID).setValue(requestId));
        }
        Map<List<String>, List<ClaimLine>> claims = new LinkedHashMap<>();
        for (ClaimLine line : evaluation.claimLines()) {
            claims.computeIfAbsent(java.util.Arrays.asList(line.patientId(), line.billingProviderId()),
                    key -> new ArrayList<>()).add(line);
        }
        claims.values().forEach(lines -> bundle.addEntry()
                .setFullUrl("urn:uuid:" + claimId(requestId, evaluation, lines.get(0)))
                .setResource(claim(evaluation, lines)));
        return bundle;
    }

    private static Claim claim(Evaluation evaluation, List<ClaimLine> lines) {
        ClaimLine first = lines.get(0);
        YearMonth month = YearMonth.parse(evaluation.month());
        Claim claim = new Claim()
                .setStatus(Claim.ClaimStatus.ACTIVE)
                .setType(FhirNames.concept(FhirNames.CLAIM_TYPE, "professional"))
                .setUse(Claim.Use.CLAIM)
                .setPatient(FhirNames.reference(FhirNames.PATIENT_ID, first.patientId(), null))
                .setBillablePeriod(new Period()
                        .setStartElement(new DateTimeType(month.atDay(1).toString()))
                        .setEndElement(new DateTimeType(month.atEndOfMonth().toString())))
                .setCreatedElement(new DateTimeType(lines.stream().map(ClaimLine::dateOfService)
                        .max(java.util.Comparator.naturalOrder()).orElseThrow().toString()))
                .setInsurer(FhirNames.reference(FhirNames.PAYER, first.payer(), first.payer()))
                .setProvider(first.billingProviderId() == null
                        ? new Reference().setDisplay(FhirNames.DEFAULT_PROVIDER)
                        : FhirNames.reference(FhirNames.BILLING_PROVIDER_ID, first.billingProviderId(), null))
                .setPriority(FhirNames.concept(FhirNames.PRIORITY, "normal"));
        claim.addExtension(FhirNames.RULES_VERSION, new StringType(evaluation.rulesVersion()));
        claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference().setDisplay(first.payer()));
        BigDecimal total = null;
        for (ClaimLine line : lines) {
            Claim.ItemComponent item = claim.addItem()
                    .setSequence(claim.getItem().size())
                    .setProductOrService(FhirNames.concept(FhirNames.CPT, line.code()))
                    .setServiced(new DateType(line.dateOfService().toString()));
            item.getQuantity().setValue(line.units());
            if (line.estimatedAmount() != null) {
                BigDecimal net = line.estimatedAmount();
                item.setUnitPrice(money(net.divide(BigDecimal.valueOf(line.units()), net.scale(), RoundingMode.HALF_UP)));
                item.setNet(money(net));
                total = total == null ? net : total.add(net);
            }
            item.addExtension(FhirNames.RULE, new StringType(line.rule()));
            item.addExtension(FhirNames.RULE_SOURCE, new StringType(line.source()));
            item.addExtension(FhirNames.COUNTED_MINUTES, new PositiveIntType(line.minutes()));
            line.entryIds().forEach(id -> item.addExtension(FhirNames.ENTRY_ID, new StringType(id)));
        }
        if (total != null) {
            claim.setTotal(money(total));
        }
        return claim;
    }

    private static Money money(BigDecimal amount) {
        Money money = new Money().setCurrency("USD");
        money.setValue(amount);
        return money;
    }

    /** The same claim of the same request always gets the same id (a name-based UUID). */
    private static UUID claimId(String requestId, Evaluation evaluation, ClaimLine line) {
        String name = String.join("\u001F", String.valueOf(requestId), evaluation.month(), evaluation.rulesVersion(),
                line.patientId(), String.valueOf(line.billingProviderId()));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
