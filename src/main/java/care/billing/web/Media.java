package care.billing.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The media types of the API, and which of two an Accept header prefers. */
final class Media {

    static final String NDJSON = "application/x-ndjson";
    static final String FHIR_JSON = "application/fhir+json";
    static final String FHIR_NDJSON = "application/fhir+ndjson";
    static final String PROBLEM = "application/problem+json";

    private Media() {
    }

    /**
     * Whether the Accept header asks for {@code special} before {@code plain}: the first acceptable type
     * (in order of preference) that names one of them decides; wildcards and no Accept header mean
     * {@code plain}.
     */
    static boolean prefers(HttpHeaders headers, String special, String plain) {
        MediaType wanted = MediaType.valueOf(special);
        MediaType fallback = MediaType.valueOf(plain);
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (!acceptable.isWildcardType() && !acceptable.isWildcardSubtype() && acceptable.isCompatible(wanted)) {
                return true;
            }
            if (acceptable.isCompatible(fallback)) {
                return false;
            }
        }
        return false;
    }
}
