package care.billing.model;

/** A fact about one patient; lets explanations group rule firings by patient. */
public interface PerPatient {

    String patientId();
}
