package com.papertrader.application;

/**
 * The database answered and its schema is the one this application maps (migrated, validated): from now on the parts
 * that keep state read it. Fired once per start, at deployment or when a database that was away first answers.
 */
public record DatabaseReady(String schemaVersion) {
}
