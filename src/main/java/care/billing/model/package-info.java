/**
 * The fact model the rule files reason over. Java defines the shape of the facts; every billing
 * decision (what counts, thresholds, units, caps, family choice, dates) is made by the rules and
 * data tables under {@code rules/}.
 *
 * <p>Input facts: {@link care.billing.model.ServiceMonth}, {@link care.billing.model.Patient},
 * {@link care.billing.model.Staff}, {@link care.billing.model.TimeEntry} and the data-table rows
 * in this package (RuleSet, CodeFamily, Fee, FeeSchedule, Activity). Derived facts are inserted by the rules. Result facts are
 * {@link care.billing.model.ClaimLine} and {@link care.billing.model.Finding}.
 */
package care.billing.model;
