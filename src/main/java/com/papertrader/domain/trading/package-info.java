/**
 * The paper trading engine: orders and their lifecycle ({@code order}), positions and accounts ({@code portfolio}),
 * pre-trade risk rules ({@code risk}) and the fill/fee models with the {@code Broker} that drives them
 * ({@code execution}). Pure Java; the entities are the JPA model. All money rounding lives in {@link
 * com.papertrader.domain.trading.Money}.
 */
package com.papertrader.domain.trading;
