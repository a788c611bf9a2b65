package com.papertrader.application.backtest;

import com.papertrader.application.settings.Settings;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentDefinition;
import com.papertrader.domain.agent.AgentScriptFiles;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Timeframe;
import com.papertrader.domain.market.TradingSession;
import com.papertrader.infrastructure.simulated.SimulatedMarket;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Settings, sample agents and bar series shared by the backtest tests. */
public final class BacktestFixtures {

    public static final Clock CREATED = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    public static final MarketCalendar CALENDAR = MarketCalendar.nyse();
    public static final Timeframe FIVE_MINUTES = Timeframe.minutes(5);

    private BacktestFixtures() {
    }

    /** The packaged defaults (META-INF/microprofile-config.properties) with some values replaced. */
    public static Settings settings(Map<String, String> overrides) {
        Properties defaults = new Properties();
        try (InputStream in = BacktestFixtures.class.getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Settings.from(key -> Optional.ofNullable(overrides.getOrDefault(key, defaults.getProperty(key))));
    }

    /** The sample agents' ids, as agents/index.txt lists them (the WAR loads the same list on first start). */
    public static Stream<String> sampleAgentIds() {
        return AgentScriptFiles.fromClasspath(BacktestFixtures.class.getClassLoader()).stream().map(agent -> agent.id().value());
    }

    /** One of the agents/*.js sample agents, as the WAR carries it. */
    public static Agent sampleAgent(String id) {
        AgentDefinition definition = AgentScriptFiles.fromClasspath(BacktestFixtures.class.getClassLoader()).stream()
                .filter(agent -> agent.id().value().equals(id)).findFirst().orElseThrow();
        return definition.toAgent(CREATED);
    }

    /** The simulated market's bars (seed 42) of each ticker over the sessions of {@code days} trading days from {@code first}. */
    public static List<List<Bar>> simulated(List<String> tickers, LocalDate first, int days) {
        List<TradingSession> sessions = new ArrayList<>();
        for (LocalDate date = first; sessions.size() < days; date = date.plusDays(1)) {
            CALENDAR.session(date).ifPresent(sessions::add);
        }
        SimulatedMarket market = new SimulatedMarket(42, FIVE_MINUTES, CALENDAR,
                Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));
        List<List<Bar>> series = new ArrayList<>();
        for (String ticker : tickers) {
            series.add(market.fetch(ticker, sessions.get(0).open(), sessions.get(sessions.size() - 1).close()).bars());
        }
        return series;
    }
}
