package care.billing.evaluation.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks a Bundle parsed back with HAPI item by item against the claim lines of the JSON answer. */
public final class FhirBundleCheck {

    private FhirBundleCheck() {
    }

    /** @return the number of items compared */
    public static int assertHolds(Bundle bundle, String requestId, String rulesVersion, JsonNode lines) {
        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        if (requestId == null) {
            assertFalse(bundle.hasIdentifier());
        } else {
            assertEquals(FhirNames.REQUEST_ID, bundle.getIdentifier().getSystem());
            assertEquals(requestId, bundle.getIdentifier().getValue());
        }
        List<Claim.ItemComponent> items = new ArrayList<>();
        List<Claim> claimOfItem = new ArrayList<>();
        Set<String> claims = new LinkedHashSet<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Claim claim = (Claim) entry.getResource();
            assertTrue(entry.getFullUrl().startsWith("urn:uuid:"), entry.getFullUrl());
            assertEquals(Claim.ClaimStatus.ACTIVE, claim.getStatus());
            assertEquals(Claim.Use.CLAIM, claim.getUse());
            assertEquals("professional", claim.getType().getCodingFirstRep().getCode());
            assertEquals(rulesVersion, text(claim.getExtensionByUrl(FhirNames.RULES_VERSION)));
            assertTrue(claims.add(patient(claim) + "|" + provider(claim)), "one claim per patient and provider");
            for (Claim.ItemComponent item : claim.getItem()) {
                assertEquals(claim.getItem().indexOf(item) + 1, item.getSequence());
                items.add(item);
                claimOfItem.add(claim);
            }
        }
        assertEquals(lines.size(), items.size(), "one item per claim line");
        BigDecimal[] totals = new BigDecimal[bundle.getEntry().size()];
        for (int i = 0; i < items.size(); i++) {
            JsonNode line = lines.get(i);
            Claim claim = claimOfItem.get(i);
            Claim.ItemComponent item = items.get(i);
            assertEquals(line.get("patientId").asText(), patient(claim));
            assertEquals(line.get("billingProviderId").isNull() ? null : line.get("billingProviderId").asText(),
                    provider(claim));
            assertEquals(line.get("payer").asText(), claim.getInsurer().getIdentifier().getValue());
            assertEquals(FhirNames.CPT, item.getProductOrService().getCodingFirstRep().getSystem());
            assertEquals(line.get("code").asText(), item.getProductOrService().getCodingFirstRep().getCode());
            assertEquals(line.get("units").asInt(), item.getQuantity().getValue().intValueExact());
            assertEquals(line.get("dateOfService").asText(), ((DateType) item.getServiced()).getValueAsString());
            assertEquals(line.get("rule").asText(), text(item.getExtensionByUrl(FhirNames.RULE)));
            assertEquals(line.get("source").asText(), text(item.getExtensionByUrl(FhirNames.RULE_SOURCE)));
            assertEquals(line.get("minutes").asInt(),
                    ((PositiveIntType) item.getExtensionByUrl(FhirNames.COUNTED_MINUTES).getValue()).getValue());
            List<String> entryIds = new ArrayList<>();
            line.get("entryIds").forEach(id -> entryIds.add(id.asText()));
            assertEquals(entryIds, item.getExtensionsByUrl(FhirNames.ENTRY_ID).stream().map(FhirBundleCheck::text).toList());
            if (line.get("estimatedAmount").isNull()) {
                assertFalse(item.hasNet() || item.hasUnitPrice());
            } else {
                BigDecimal amount = line.get("estimatedAmount").decimalValue();
                assertEquals(0, amount.compareTo(item.getNet().getValue()), "net");
                assertEquals("USD", item.getNet().getCurrency());
                assertEquals(0, amount.compareTo(item.getUnitPrice().getValue().multiply(item.getQuantity().getValue())),
                        "unit price x units");
                int c = bundle.getEntry().indexOf(bundle.getEntry().stream().filter(e -> e.getResource() == claim)
                        .findFirst().orElseThrow());
                totals[c] = totals[c] == null ? amount : totals[c].add(amount);
            }
        }
        for (int c = 0; c < totals.length; c++) {
            Claim claim = (Claim) bundle.getEntry().get(c).getResource();
            if (totals[c] == null) {
                assertFalse(claim.hasTotal());
            } else {
                assertEquals(0, totals[c].compareTo(claim.getTotal().getValue()), "total");
            }
        }
        return items.size();
    }

    private static String patient(Claim claim) {
        assertEquals(FhirNames.PATIENT_ID, claim.getPatient().getIdentifier().getSystem());
        return claim.getPatient().getIdentifier().getValue();
    }

    private static String provider(Claim claim) {
        Reference provider = claim.getProvider();
        if (!provider.hasIdentifier()) {
            assertEquals(FhirNames.DEFAULT_PROVIDER, provider.getDisplay());
            return null;
        }
        assertEquals(FhirNames.BILLING_PROVIDER_ID, provider.getIdentifier().getSystem());
        assertNull(provider.getDisplay());
        return provider.getIdentifier().getValue();
    }

    private static String text(Extension extension) {
        return extension.getValue().primitiveValue();
    }
}
