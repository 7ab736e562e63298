package io.clientworkspace.record;

import io.clientworkspace.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Money's bounds: the magnitude is refused before any arithmetic could expand a huge exponent. */
class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    /** A number that fails the test if anything tries to rescale or expand it. */
    private static final class Unexpandable extends BigDecimal {
        Unexpandable(BigInteger unscaled, int scale) {
            super(unscaled, scale);
        }

        @Override
        public BigDecimal setScale(int newScale) {
            throw new AssertionError("rescaled before the bound was checked");
        }

        @Override
        public BigDecimal setScale(int newScale, RoundingMode roundingMode) {
            throw new AssertionError("rescaled before the bound was checked");
        }

        @Override
        public BigDecimal stripTrailingZeros() {
            return this;
        }

        @Override
        public BigDecimal abs() {
            throw new AssertionError("compared before the bound was checked");
        }
    }

    @Test
    void aHugeExponentIsRefusedWithoutExpandingTheNumber() {
        assertThatThrownBy(() -> new Money(new Unexpandable(BigInteger.ONE, -999_999_999), EUR))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("amount"));
    }

    @Test
    void aHugeExponentInTextIsRefusedOnAmount() {
        assertThatThrownBy(() -> Money.of("1e999999999", "EUR"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("amount"));
    }

    @Test
    void anAmountJustBelowTheLimitIsKept() {
        assertThat(Money.of("999999999999999.99", "EUR").amount()).isEqualByComparingTo("999999999999999.99");
    }

    @Test
    void anAmountAtTheLimitIsRefused() {
        assertThatThrownBy(() -> Money.of("1E+15", "EUR")).isInstanceOf(ValidationException.class);
    }

    @Test
    void aSmallNegativeExponentIsStillAnOrdinaryAmount() {
        assertThat(Money.of("125E+1", "EUR").amount()).isEqualByComparingTo("1250.00");
    }

    @Test
    void zeroWithAHugeExponentIsZero() {
        assertThat(new Money(new BigDecimal(BigInteger.ZERO, -999_999_999), EUR).amount()).isEqualByComparingTo("0");
    }

    @Test
    void anAmountWrittenWithTooManyDigitsIsRefused() {
        assertThatThrownBy(() -> Money.of("1." + "0".repeat(200), "EUR")).isInstanceOf(ValidationException.class);
    }
}
