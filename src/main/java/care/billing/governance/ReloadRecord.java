package care.billing.governance;

import java.time.Instant;

/** One attempt to change the rules serving: when, by whom, which version, and what happened. */
public record ReloadRecord(Instant time, String who, String rulesVersion, String outcome, String detail) {
}
