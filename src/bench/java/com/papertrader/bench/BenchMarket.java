package com.papertrader.bench;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Timeframe;
import com.papertrader.domain.market.TradingSession;
import com.papertrader.infrastructure.simulated.SimulatedMarket;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * What the benchmarks trade: 48 tickers, 5-minute bars of the NYSE regular sessions, and the application's simulated
 * market (seed 42) for realistic bars, handed out one bar event (every ticker's bar of one start time) at a time.
 */
public final class BenchMarket {

    /** The 48 tickers: the application's default eight first, then 40 more large caps. */
    public static final List<String> TICKERS = List.of(
            "AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY",
            "QQQ", "IWM", "AVGO", "BRK.B", "JPM", "V", "MA", "UNH", "XOM", "JNJ", "PG", "HD",
            "COST", "LLY", "ABBV", "MRK", "PEP", "KO", "BAC", "WMT", "CVX", "ADBE",
            "CRM", "NFLX", "AMD", "INTC", "CSCO", "ORCL", "TMO", "ACN", "MCD", "DIS",
            "NKE", "QCOM", "TXN", "IBM", "CAT", "GS", "BA", "PFE");

    /** Bars a load of {@link #simulatedEvents} holds at most: ten days of the 48 tickers. */
    private static final int BARS_PER_LOAD = 10 * 78 * 48;

    public static final Timeframe FIVE_MINUTES = Timeframe.minutes(5);
    public static final MarketCalendar CALENDAR = MarketCalendar.nyse();
    /** A Monday; the simulated market's walk starts on 2025-01-02, so its bars before this are cheap to make. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 3);

    private BenchMarket() {
    }

    /** Every 5-minute bar start of the regular sessions from {@code day} on, without end. */
    public static Iterator<Instant> sessionBarStarts(LocalDate day) {
        return new Iterator<>() {
            private LocalDate date = day.minusDays(1);
            private Iterator<Instant> starts = List.<Instant>of().iterator();

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Instant next() {
                while (!starts.hasNext()) {
                    date = date.plusDays(1);
                    starts = CALENDAR.session(date).map(FIVE_MINUTES::barStarts).orElse(List.of()).iterator();
                }
                return starts.next();
            }
        };
    }

    /**
     * {@code total} bars of the simulated market from {@link #FIRST_DAY} on, spread evenly over the tickers and ordered
     * ticker after ticker, oldest first, as a backfill fetches them.
     */
    public static List<Bar> simulatedBackfill(List<String> tickers, int total) {
        SimulatedMarket market = simulatedMarket();
        List<Bar> bars = new ArrayList<>(total);
        for (int i = 0; i < tickers.size(); i++) {
            int count = total / tickers.size() + (i < total % tickers.size() ? 1 : 0);
            List<TradingSession> sessions = new ArrayList<>();
            int sessionBars = 0;
            for (LocalDate date = FIRST_DAY; sessionBars < count; date = date.plusDays(1)) {
                Optional<TradingSession> session = CALENDAR.session(date);
                if (session.isPresent()) {
                    sessions.add(session.get());
                    sessionBars += FIVE_MINUTES.barsIn(session.get());
                }
            }
            List<Bar> history = market.fetch(tickers.get(i), sessions.get(0).open(), sessions.get(sessions.size() - 1).close()).bars();
            bars.addAll(history.subList(0, count));
        }
        return bars;
    }

    /** The 48 {@link #TICKERS} and then made-up symbols (U0049, U0050, ...) up to {@code count}: a paid plan's universe. */
    public static List<String> universe(int count) {
        return IntStream.range(0, count).mapToObj(i -> i < TICKERS.size() ? TICKERS.get(i) : String.format("U%04d", i + 1)).toList();
    }

    /** The simulated market's bars of the tickers, one bar event at a time, from {@code day} on, without end. */
    public static Iterator<List<Bar>> simulatedEvents(List<String> tickers, LocalDate day) {
        return new SimulatedEvents(tickers, day);
    }

    /** Seed 42, the application's default; every bar the benchmarks ask for has closed by its clock. */
    private static SimulatedMarket simulatedMarket() {
        return new SimulatedMarket(42, FIVE_MINUTES, CALENDAR, Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static final class SimulatedEvents implements Iterator<List<Bar>> {
        private final SimulatedMarket market = simulatedMarket();
        private final List<String> tickers;
        private final Deque<List<Bar>> ready = new ArrayDeque<>();
        private LocalDate nextDay;

        SimulatedEvents(List<String> tickers, LocalDate day) {
            this.tickers = List.copyOf(tickers);
            this.nextDay = day;
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public List<Bar> next() {
            if (ready.isEmpty()) {
                load();
            }
            return ready.removeFirst();
        }

        /** The next few trading days of every ticker (one day of a large universe), grouped by bar start. */
        private void load() {
            List<TradingSession> sessions = new ArrayList<>();
            int days = Math.max(1, BARS_PER_LOAD / (78 * tickers.size()));
            for (LocalDate date = nextDay; sessions.size() < days; date = date.plusDays(1)) {
                CALENDAR.session(date).ifPresent(sessions::add);
                nextDay = date.plusDays(1);
            }
            Instant from = sessions.get(0).open();
            Instant to = sessions.get(sessions.size() - 1).close();
            Map<Instant, List<Bar>> byStart = new TreeMap<>();
            for (String ticker : tickers) {
                for (Bar bar : market.fetch(ticker, from, to).bars()) {
                    byStart.computeIfAbsent(bar.start(), start -> new ArrayList<>()).add(bar);
                }
            }
            for (List<Bar> event : byStart.values()) {
                if (event.size() != tickers.size()) {
                    throw new NoSuchElementException("the simulated market has " + event.size() + " of " + tickers.size()
                            + " bars at " + event.get(0).start());
                }
                ready.addLast(List.copyOf(event));
            }
        }
    }
}
