package com.papertrader.application.trading;

import com.papertrader.application.settings.TradingSettings;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.FeeModel;
import com.papertrader.domain.trading.execution.FillModel;
import com.papertrader.domain.trading.execution.PerShareFeeModel;
import java.time.Clock;

/** The one way a paper broker is built from the settings, so live trading and backtests fill and charge alike. */
public final class PaperBrokers {

    private PaperBrokers() {
    }

    /** An empty broker on the calendar with the configured slippage and commission, and the standard risk rules. */
    public static Broker create(Clock clock, MarketCalendar calendar, TradingSettings settings) {
        FillModel fills = FillModel.of(calendar).withSlippage(settings.slippageBps());
        FeeModel fees = settings.commissionPerShare().signum() == 0 && settings.commissionMinimum().signum() == 0
                ? FeeModel.free()
                : new PerShareFeeModel(settings.commissionPerShare(), settings.commissionMinimum());
        return new Broker(clock, fills, fees);
    }
}
