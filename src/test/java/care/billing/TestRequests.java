package care.billing;

/** Evaluation request bodies for REST tests: one Medicare patient P1 and clinical staff S1. */
public final class TestRequests {

    public static final String PATIENT = """
            {"id": "P1", "payer": "MEDICARE", "chronicConditions": ["E11.9", "I10"],
             "consentDate": "2025-11-02", "carePlanOnFile": true, "complexity": "MODERATE"}""";
    public static final String STAFF = """
            {"id": "S1", "name": "Dana Lee", "credentials": "RN", "role": "CLINICAL_STAFF", "licensed": true}""";

    private TestRequests() {
    }

    public static String entry(String id, String date, int minutes) {
        return """
                {"id": "%s", "patientId": "P1", "staffId": "S1", "billingProviderId": "1234567893",
                 "date": "%s", "minutes": %d, "activity": "CARE_COORDINATION", "method": "PHONE",
                 "counterpart": "Home health agency", "note": "Scheduled in-home visits"}""".formatted(id, date, minutes);
    }

    /** A request on one line (so it also serves as an NDJSON batch line). */
    public static String request(String month, String entries) {
        return """
                {"month": "%s", "patients": [%s], "staff": [%s], "entries": [%s]}""".formatted(month, PATIENT, STAFF, entries)
                .replace("\n", " ");
    }
}
