package com.papertrader.application.notification;

/** A webhook that cannot be saved as given: {@link #field()} names the form field or JSON key at fault. */
public class InvalidWebhookException extends IllegalArgumentException {

    private final String field;

    public InvalidWebhookException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
