package com.papertrader.domain.agent;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link WatchedTickers} in one text column. */
@Converter
public class WatchedTickersConverter implements AttributeConverter<WatchedTickers, String> {

    @Override
    public String convertToDatabaseColumn(WatchedTickers tickers) {
        return tickers == null ? null : tickers.toString();
    }

    @Override
    public WatchedTickers convertToEntityAttribute(String text) {
        return text == null ? null : WatchedTickers.parse(text);
    }
}
