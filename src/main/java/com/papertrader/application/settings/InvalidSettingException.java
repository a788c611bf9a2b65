package com.papertrader.application.settings;

/** A configuration value that is missing or malformed; the message names the key and, where safe, the value. */
public class InvalidSettingException extends IllegalStateException {

    private final String key;

    public InvalidSettingException(String key, String problem) {
        super("Configuration " + key + " " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
