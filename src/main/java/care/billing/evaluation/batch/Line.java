package care.billing.evaluation.batch;

/**
 * One input line: its number (1 for the first, blank lines counted), its bytes ({@link LineReader#TOO_LONG}
 * for one over the limit) and how far into the input it ends, in bytes.
 */
record Line(long number, byte[] bytes, long inputEnd) {
}
