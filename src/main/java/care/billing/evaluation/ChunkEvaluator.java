package care.billing.evaluation;

import care.billing.model.ClaimLine;
import care.billing.model.Finding;
import care.billing.model.Patient;
import care.billing.model.Staff;
import care.billing.model.TimeEntry;
import care.billing.ruleset.LoadedRules;
import org.kie.api.event.rule.AgendaEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Evaluates many requests of the same service month in one KIE session, which spares every
 * request the session's fixed cost (node memories, data-table facts). Each request's ids are
 * prefixed with its position and a unit-separator character, so no rule that joins its patterns on
 * patient, staff or entry ids can join facts of two requests; every gate (check, reload, publish) holds
 * the rules to that on the scenarios ({@code scenarios.BatchIsolation}). The prefixes are removed from the results, which are then sorted exactly as
 * {@link Evaluator} sorts them. A request whose ids already contain the separator is evaluated on
 * its own.
 *
 * <p>The shared session is built fresh for each chunk even when the evaluator reuses sessions: its
 * cost is spread over the chunk's requests, and a kept session that held a whole chunk would keep
 * node memories sized for 50 requests for the single requests after it. Requests evaluated on their
 * own use the evaluator as it is. Isolation stays by prefix because a session per request, even a
 * kept one, measured 1.3–2.0× the time of shared chunks through the whole batch pipeline
 * (docs/performance.md).
 */
public final class ChunkEvaluator {

    static final char SEPARATOR = '\u001F';
    static final int MAX_SHARED_ENTRIES = 100;
    private static final Pattern PREFIX = Pattern.compile("R(\\d+)" + SEPARATOR);

    private final Evaluator evaluator;
    private final Evaluator shared;

    public ChunkEvaluator(Evaluator evaluator) {
        this.evaluator = evaluator;
        this.shared = evaluator.reusingSessions(false);
    }

    /**
     * One evaluation per input, in input order; every input must be for the same month. Requests
     * with more than {@value #MAX_SHARED_ENTRIES} entries are evaluated on their own, so that each
     * meets the firing and time limits of a single request.
     */
    public List<Evaluation> evaluate(LoadedRules rules, List<EvaluationInput> inputs) {
        return evaluate(rules, inputs, null);
    }

    /**
     * The same, with {@code listener} seeing every firing of the shared session, where every fact of a
     * request carries its request's prefix ({@link #requestOf(String)}); null for none. Requests evaluated
     * on their own are not seen.
     */
    public List<Evaluation> evaluate(LoadedRules rules, List<EvaluationInput> inputs, AgendaEventListener listener) {
        EvaluationInput chunk = inputs.size() == 1 ? null : prefixed(inputs);
        if (chunk == null) {
            return inputs.stream().map(input -> evaluator.evaluate(rules, input)).toList();
        }
        Evaluation all = shared.evaluate(rules, chunk, listener, inputs.size(), false);

        List<List<ClaimLine>> lines = perRequest(inputs.size());
        List<List<Finding>> findings = perRequest(inputs.size());
        for (ClaimLine line : all.claimLines()) {
            lines.get(request(line.patientId(), line.rule())).add(new ClaimLine(strip(line.patientId()), line.payer(),
                    line.billingProviderId(), line.family(), line.code(), line.units(), line.minutes(),
                    line.dateOfService(), line.entryIds().stream().map(ChunkEvaluator::strip).toList(), line.rule(),
                    line.source(), line.estimatedAmount(), line.addOn()));
        }
        for (Finding f : all.findings()) {
            findings.get(request(f.patientId(), f.rule())).add(new Finding(f.severity(), f.code(), strip(f.patientId()),
                    strip(f.entryId()), f.billingProviderId(), f.family(), f.targetCode(), f.countableMinutes(),
                    f.minutesNeeded(), f.entryIds().stream().map(ChunkEvaluator::strip).toList(),
                    stripAll(f.message()), f.rule()));
        }
        List<Evaluation> results = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            lines.get(i).sort(Evaluator.LINE_ORDER);
            findings.get(i).sort(Evaluator.FINDING_ORDER);
            results.add(new Evaluation(all.month(), all.rulesVersion(), lines.get(i), findings.get(i)));
        }
        return results;
    }

    /**
     * All inputs as one, every id prefixed with its request's position; null if a request cannot
     * share a session: its ids hold the separator, or it has more than {@value #MAX_SHARED_ENTRIES}
     * entries.
     */
    private static EvaluationInput prefixed(List<EvaluationInput> inputs) {
        if (!inputs.stream().allMatch(ChunkEvaluator::canShare)) {
            return null;
        }
        List<Patient> patients = new ArrayList<>();
        List<Staff> staff = new ArrayList<>();
        List<TimeEntry> entries = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String prefix = "R" + i + SEPARATOR;
            EvaluationInput input = inputs.get(i);
            for (Patient p : input.patients()) {
                patients.add(new Patient(prefix + p.id(), p.payer(), p.chronicConditions(), p.consentDate(),
                        p.carePlanOnFile(), p.complexity()));
            }
            for (Staff s : input.staff()) {
                staff.add(new Staff(prefix + s.id(), s.name(), s.credentials(), s.role(), s.licensed(),
                        s.teamCareTrainingDate(), s.careTeamStartDate(), s.scopeOfServiceOnFile()));
            }
            for (TimeEntry e : input.entries()) {
                entries.add(new TimeEntry(prefix + e.id(), prefix + e.patientId(), prefix + e.staffId(),
                        e.billingProviderId(), e.date(), e.minutes(), e.activity(), e.method(), e.counterpart(),
                        e.note()));
            }
        }
        return new EvaluationInput(inputs.get(0).month(), patients, staff, entries);
    }

    /**
     * Whether a request can share a session with others: at most {@value #MAX_SHARED_ENTRIES} entries,
     * and no id holding the separator.
     */
    public static boolean canShare(EvaluationInput input) {
        return input.entries().size() <= MAX_SHARED_ENTRIES
                && input.patients().stream().noneMatch(p -> hasSeparator(p.id()))
                && input.staff().stream().noneMatch(s -> hasSeparator(s.id()))
                && input.entries().stream().noneMatch(e -> hasSeparator(e.id()));
    }

    private static boolean hasSeparator(String id) {
        return id.indexOf(SEPARATOR) >= 0;
    }

    private static <T> List<List<T>> perRequest(int size) {
        List<List<T>> lists = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    /**
     * The request number of a prefixed id (the digits between the leading 'R' and the separator), or -1
     * for a text that is no prefixed id.
     */
    public static int requestOf(String text) {
        int end = text == null ? -1 : text.indexOf(SEPARATOR);
        if (end < 2 || end > 10 || text.charAt(0) != 'R') {
            return -1;
        }
        for (int i = 1; i < end; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(text, 1, end, 10);
    }

    private static int request(String id, String rule) {
        int request = requestOf(id);
        if (request < 0) {
            throw new IllegalStateException("rule \"" + rule + "\" made a result for a patient of no request");
        }
        return request;
    }

    private static String strip(String id) {
        return id == null ? null : id.substring(id.indexOf(SEPARATOR) + 1);
    }

    /** Removes every request prefix from a message; most messages name no id and are returned as they are. */
    private static String stripAll(String text) {
        return text == null || text.indexOf(SEPARATOR) < 0 ? text : PREFIX.matcher(text).replaceAll("");
    }
}
