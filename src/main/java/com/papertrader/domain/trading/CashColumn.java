package com.papertrader.domain.trading;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;

/**
 * Stores a cash amount as whole cents (an integer column): exact in every database, where SQLite would keep a
 * NUMERIC as a binary double and drop its scale.
 */
@Converter
public class CashColumn implements AttributeConverter<BigDecimal, Long> {

    @Override
    public Long convertToDatabaseColumn(BigDecimal amount) {
        return amount == null ? null : Money.cash(amount).unscaledValue().longValueExact();
    }

    @Override
    public BigDecimal convertToEntityAttribute(Long cents) {
        return cents == null ? null : BigDecimal.valueOf(cents, Money.CASH_SCALE);
    }
}
