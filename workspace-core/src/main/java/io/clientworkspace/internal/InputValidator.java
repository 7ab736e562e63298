package io.clientworkspace.internal;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Validates command records with Jakarta Validation (Hibernate Validator) and turns violations into
 * one {@link ValidationException} listing every bad field. Uses the parameter-only message
 * interpolator so that no Expression Language implementation is needed on the class path.
 */
public final class InputValidator {

    private final Validator validator;

    public InputValidator() {
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /** Throws a {@link ValidationException} naming every invalid field of {@code input}. */
    public void validate(Object input) {
        Set<ConstraintViolation<Object>> violations = validator.validate(input);
        if (violations.isEmpty()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> v : violations) {
            errors.add(FieldError.of(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        throw new ValidationException(errors);
    }

    /** Checks one free-text value: not blank, at most {@code max} characters, no control characters. */
    public static String requireText(String field, String value, int max) {
        if (value == null) {
            throw new ValidationException(FieldError.of(field, "must not be null"));
        }
        if (value.isBlank()) {
            throw new ValidationException(FieldError.of(field, "must not be blank"));
        }
        if (value.length() > max) {
            throw new ValidationException(FieldError.of(field, "size must be between 1 and " + max));
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(FieldError.of(field, "must not contain control characters"));
        }
        return value.strip();
    }

    private static String fieldName(Path path) {
        StringJoiner joiner = new StringJoiner(".");
        for (Path.Node node : path) {
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                joiner.add(name);
            }
        }
        String joined = joiner.toString();
        return joined.isEmpty() ? "input" : joined;
    }
}
