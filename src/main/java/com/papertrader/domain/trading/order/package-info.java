/**
 * Orders: what an agent asks for ({@link com.papertrader.domain.trading.order.OrderRequest}), the order entity with
 * its single transition table ({@link com.papertrader.domain.trading.order.OrderStatus}), the immutable audit trail
 * ({@link com.papertrader.domain.trading.order.OrderEvent}) and the fills it produces.
 */
package com.papertrader.domain.trading.order;
