package org.shequn.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Validates a use case's command the same way for web forms and the API, so a rule is written once
 * (as Bean Validation annotations on the command record) and every entry point rejects alike.
 */
@Component
public class Validation {

    private final Validator validator;

    Validation(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T command) {
        var violations = validator.validate(command);
        if (!violations.isEmpty()) {
            List<Rejection.FieldProblem> problems = violations.stream()
                    .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                    .map(v -> new Rejection.FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                    .toList();
            throw Rejection.invalid(problems);
        }
        return command;
    }
}
