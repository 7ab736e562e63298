package io.clientworkspace.record;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;

import java.math.BigDecimal;
import java.util.Currency;

import static java.util.Objects.requireNonNull;

/**
 * An amount of money in one currency, as the host states it (no conversion, no rounding).
 *
 * <p>Guarantees: the amount's scale is at most the currency's default fraction digits (two for EUR, zero for JPY;
 * currencies without fraction digits, such as XAU, allow none) and its absolute value is below 10<sup>15</sup>;
 * otherwise the constructor throws a {@link ValidationException} on {@code amount}.
 * The magnitude is checked first, from the number's precision and scale alone, so a number such as
 * {@code 1e999999999} is refused at once and never expanded; an amount of more than {@value #MAX_PRECISION}
 * significant digits is refused too (on {@code amount}) before any other arithmetic.
 * The amount is kept at exactly the currency's fraction digits, so equal amounts are equal records
 * ({@code 10.5 EUR} is stored and shown as {@code 10.50 EUR}).
 *
 * @param amount   the amount (may be negative, e.g. a credit note)
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {

    /** Amounts must be strictly smaller than this in absolute value. */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);

    /** The most significant digits an amount may be written with (trailing zeros included). */
    public static final int MAX_PRECISION = 100;

    public Money {
        requireNonNull(amount, "amount must not be null");
        requireNonNull(currency, "currency must not be null");
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        // Bounds from precision and scale only (cheap for any BigDecimal), before anything that could expand it.
        if (amount.signum() != 0 && (long) amount.precision() - amount.scale() > 15) {
            throw new ValidationException(FieldError.of("amount", "must be smaller than 10^15 in absolute value"));
        }
        if (amount.precision() > MAX_PRECISION) {
            throw new ValidationException(FieldError.of("amount", "has more than " + MAX_PRECISION + " digits"));
        }
        BigDecimal normalized = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
        if (normalized.scale() < 0) {
            normalized = normalized.setScale(0);
        }
        if (normalized.scale() > digits) {
            throw new ValidationException(FieldError.of("amount", "has more than " + digits
                    + " fraction digits, the most " + currency.getCurrencyCode() + " allows"));
        }
        if (normalized.abs().compareTo(LIMIT) >= 0) {
            throw new ValidationException(FieldError.of("amount", "must be smaller than 10^15 in absolute value"));
        }
        amount = normalized.setScale(digits);
    }

    /** Money from a decimal text such as {@code "1250.00"} and an ISO 4217 code such as {@code "EUR"}. */
    public static Money of(String amount, String currencyCode) {
        requireNonNull(amount, "amount must not be null");
        requireNonNull(currencyCode, "currencyCode must not be null");
        BigDecimal value;
        try {
            value = new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new ValidationException(FieldError.of("amount", "is not a decimal number"));
        }
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of("currency", "is not an ISO 4217 currency code"));
        }
        return new Money(value, currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
