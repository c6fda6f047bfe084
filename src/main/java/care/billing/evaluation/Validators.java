package care.billing.evaluation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** A Bean Validation validator for use outside the running service (command line, plain tests). */
public final class Validators {

    private Validators() {
    }

    public static Validator standalone() {
        return Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    }
}
