package care.billing.evaluation;

import care.billing.evaluation.EvaluationRequest.EntryInput;
import care.billing.evaluation.EvaluationRequest.PatientInput;
import care.billing.evaluation.EvaluationRequest.StaffInput;
import care.billing.model.Patient;
import care.billing.model.ServiceMonth;
import care.billing.model.Staff;
import care.billing.model.TimeEntry;
import care.billing.ruleset.Vocabulary;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request body into validated facts, or rejects it whole naming every offending field as a
 * JSON pointer: malformed JSON, wrong types, unknown or duplicate fields (Jackson), missing or
 * out-of-range values (Bean Validation), then duplicate ids, unknown references and entries outside
 * the month. Nothing reaches the rules half-validated.
 */
public final class RequestReader {

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '(.*)'");

    private final ObjectMapper mapper;
    private final Validator validator;
    private final int maxEntries;

    public RequestReader(Validator validator, int maxEntries) {
        this.mapper = strictMapper();
        this.validator = validator;
        this.maxEntries = maxEntries;
    }

    /** A mapper that refuses what a lenient one would guess at: unknown or duplicate fields, coerced scalars. */
    public static ObjectMapper strictMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule().addDeserializer(LocalDate.class, new IsoDateDeserializer()))
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }

    /** The request as facts, its words checked against {@code vocabulary} (that of the rules that will evaluate it). */
    public EvaluationInput read(byte[] body, Vocabulary vocabulary) {
        EvaluationRequest request;
        try {
            request = mapper.readValue(body, EvaluationRequest.class);
        } catch (IOException e) {
            throw new InvalidRequestException(List.of(jsonError(e)));
        }
        return validate(request, vocabulary);
    }

    public EvaluationInput read(JsonNode body, Vocabulary vocabulary) {
        EvaluationRequest request;
        try {
            request = mapper.treeToValue(body, EvaluationRequest.class);
        } catch (IOException e) {
            throw new InvalidRequestException(List.of(jsonError(e)));
        }
        return validate(request, vocabulary);
    }

    private EvaluationInput validate(EvaluationRequest request, Vocabulary vocabulary) {
        if (request == null) {
            throw new InvalidRequestException(List.of(new FieldError("", "the body must be a JSON object")));
        }
        if (request.entries() != null && request.entries().size() > maxEntries) {
            throw new RequestTooLargeException("an evaluation may hold at most " + maxEntries + " entries; this one has "
                    + request.entries().size() + " (billing.limits.max-entries)");
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<EvaluationRequest> violation : validator.validate(request)) {
            errors.add(new FieldError(pointer(violation.getPropertyPath()), violation.getMessage()));
        }
        checkReferences(request, errors);
        VocabularyCheck.check(request, vocabulary, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::pointer).thenComparing(FieldError::detail));
            throw new InvalidRequestException(errors);
        }
        return toFacts(request, vocabulary);
    }

    private static void checkReferences(EvaluationRequest request, List<FieldError> errors) {
        Set<String> patientIds = uniqueIds("patients", request.patients(), PatientInput::id, errors);
        Set<String> staffIds = uniqueIds("staff", request.staff(), StaffInput::id, errors);
        uniqueIds("entries", request.entries(), EntryInput::id, errors);
        if (request.entries() == null) {
            return;
        }
        YearMonth month = parseMonth(request.month());
        for (int i = 0; i < request.entries().size(); i++) {
            EntryInput entry = request.entries().get(i);
            if (entry == null) {
                continue;
            }
            if (entry.patientId() != null && request.patients() != null && !patientIds.contains(entry.patientId())) {
                errors.add(new FieldError("/entries/" + i + "/patientId", "no patient with id '" + entry.patientId() + "'"));
            }
            if (entry.staffId() != null && request.staff() != null && !staffIds.contains(entry.staffId())) {
                errors.add(new FieldError("/entries/" + i + "/staffId", "no staff member with id '" + entry.staffId() + "'"));
            }
            if (month != null && entry.date() != null && !YearMonth.from(entry.date()).equals(month)) {
                errors.add(new FieldError("/entries/" + i + "/date", "must be a date inside the service month " + month));
            }
        }
    }

    private static <T> Set<String> uniqueIds(String list, List<T> items, Function<T, String> id, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        if (items == null) {
            return seen;
        }
        for (int i = 0; i < items.size(); i++) {
            String value = items.get(i) == null ? null : id.apply(items.get(i));
            if (value != null && !seen.add(value)) {
                errors.add(new FieldError("/" + list + "/" + i + "/id", "duplicate id '" + value + "'"));
            }
        }
        return seen;
    }

    private static YearMonth parseMonth(String month) {
        try {
            return month == null ? null : YearMonth.parse(month);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Payer codes are case-insensitive: a payer the tables know gets their spelling; another stays as sent. */
    private static EvaluationInput toFacts(EvaluationRequest request, Vocabulary vocabulary) {
        List<Patient> patients = request.patients().stream().map(p -> new Patient(p.id(),
                vocabulary.payer(p.payer()).orElse(p.payer()),
                p.chronicConditions() == null ? Set.of() : p.chronicConditions().stream()
                        .map(code -> code.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toSet()),
                p.consentDate(), Boolean.TRUE.equals(p.carePlanOnFile()), p.complexity())).toList();
        List<Staff> staff = request.staff().stream().map(s -> new Staff(s.id(), s.name(), s.credentials(), s.role(),
                Boolean.TRUE.equals(s.licensed()), s.teamCareTrainingDate(), s.careTeamStartDate(),
                Boolean.TRUE.equals(s.scopeOfServiceOnFile()))).toList();
        List<TimeEntry> entries = request.entries().stream().map(e -> new TimeEntry(e.id(), e.patientId(), e.staffId(),
                blankToNull(e.billingProviderId()), e.date(), e.minutes(), e.activity(), e.method(),
                e.counterpart(), e.note())).toList();
        return new EvaluationInput(ServiceMonth.of(YearMonth.parse(request.month())), patients, staff, entries);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code entries[0].minutes} as {@code /entries/0/minutes}. */
    static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                pointer.append('/').append(escape(name));
            }
        }
        return pointer.toString();
    }

    private static FieldError jsonError(IOException e) {
        String pointer = "";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder p = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                p.append('/').append(ref.getFieldName() != null ? escape(ref.getFieldName()) : ref.getIndex());
            }
            pointer = p.toString();
        } else if (e instanceof StreamReadException read && read.getProcessor() != null) {
            JsonPointer at = read.getProcessor().getParsingContext().pathAsPointer();
            pointer = at.toString();
        }
        if (e instanceof JsonProcessingException processing) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(processing.getOriginalMessage()));
            if (duplicate.find()) {
                pointer = pointer + "/" + escape(duplicate.group(1));
            }
        }
        String detail;
        if (e instanceof UnrecognizedPropertyException unknown) {
            detail = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof JsonProcessingException processing) {
            detail = processing.getOriginalMessage();
        } else {
            detail = "the body could not be read";
        }
        return new FieldError(pointer, firstLine(detail));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "malformed JSON";
        }
        String line = text.lines().findFirst().orElse(text);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
