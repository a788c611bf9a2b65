package com.papertrader.domain.agent;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link AgentParameters} as JSON text. */
@Converter
public class AgentParametersConverter implements AttributeConverter<AgentParameters, String> {

    @Override
    public String convertToDatabaseColumn(AgentParameters parameters) {
        return parameters == null ? null : parameters.toJson();
    }

    @Override
    public AgentParameters convertToEntityAttribute(String json) {
        return json == null ? null : AgentParameters.fromJson(json);
    }
}
