package care.billing.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class CompilerWarmUpTest {

    /** A warm-up that no longer compiles (a renamed fact, say) would silently stop saving startup time. */
    @Test
    void theWarmUpRulesCompileAgainstTheCurrentFactModel() {
        assertTrue(CompilerWarmUp.compileOnce());
    }
}
