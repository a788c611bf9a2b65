package com.papertrader.domain.trading;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;

/** Stores a price as whole ten-thousandths (an integer column), exact and with its scale, like {@link CashColumn}. */
@Converter
public class PriceColumn implements AttributeConverter<BigDecimal, Long> {

    @Override
    public Long convertToDatabaseColumn(BigDecimal price) {
        return price == null ? null : Money.price(price).unscaledValue().longValueExact();
    }

    @Override
    public BigDecimal convertToEntityAttribute(Long tenThousandths) {
        return tenThousandths == null ? null : BigDecimal.valueOf(tenThousandths, Money.PRICE_SCALE);
    }
}
