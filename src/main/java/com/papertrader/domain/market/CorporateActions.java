package com.papertrader.domain.market;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The corporate actions known for the followed tickers, each ticker's in date order (a split before a dividend on the
 * same day), and the one rule that puts a bar on the share basis of a later day: a bar that started before a split's
 * execution date, seen on or after that date, has its prices multiplied by {@code splitFrom / splitTo} and its volume
 * divided by it. Stored bars stay as they traded; the scanner's windows, the charts, the bar API and backtests adjust
 * with this rule, so every series is continuous across a split. Immutable.
 */
public final class CorporateActions {

    public static final CorporateActions NONE = new CorporateActions(Map.of());

    /** Stored bar prices and volumes have six decimals (ohlcv_data). */
    private static final int BAR_SCALE = 6;
    private static final MathContext EXACT_ENOUGH = new MathContext(20, RoundingMode.HALF_UP);
    private static final Comparator<CorporateAction> IN_ORDER = Comparator.comparing(CorporateAction::effectiveDate)
            .thenComparing(action -> action instanceof Split ? 0 : 1);

    private final Map<String, List<CorporateAction>> byTicker;

    private CorporateActions(Map<String, List<CorporateAction>> byTicker) {
        this.byTicker = byTicker;
    }

    /** The actions given; of two with the same key the later in the collection wins (a correction). */
    public static CorporateActions of(Collection<? extends CorporateAction> actions) {
        return NONE.with(actions);
    }

    /** These actions and {@code more}, where an action of {@code more} replaces one with the same key. */
    public CorporateActions with(Collection<? extends CorporateAction> more) {
        Map<String, Map<String, CorporateAction>> merged = new LinkedHashMap<>();
        byTicker.forEach((ticker, actions) -> actions.forEach(action ->
                merged.computeIfAbsent(ticker, t -> new LinkedHashMap<>()).put(action.key(), action)));
        more.forEach(action -> merged.computeIfAbsent(action.ticker(), t -> new LinkedHashMap<>()).put(action.key(), action));
        Map<String, List<CorporateAction>> sorted = new LinkedHashMap<>();
        merged.forEach((ticker, actions) -> sorted.put(ticker, actions.values().stream().sorted(IN_ORDER).toList()));
        return new CorporateActions(Map.copyOf(sorted));
    }

    public List<CorporateAction> all() {
        return byTicker.values().stream().flatMap(List::stream).sorted(IN_ORDER.thenComparing(CorporateAction::ticker)).toList();
    }

    /** The ticker's actions in date order. */
    public List<CorporateAction> of(String ticker) {
        return byTicker.getOrDefault(ticker, List.of());
    }

    /** The ticker's actions effective on or before {@code day}, in date order. */
    public List<CorporateAction> effectiveBy(String ticker, LocalDate day) {
        List<CorporateAction> all = of(ticker);
        if (all.isEmpty()) {
            return List.of(); // most tickers on most days: no list made per bar
        }
        List<CorporateAction> due = new ArrayList<>();
        for (CorporateAction action : all) {
            if (action.effectiveDate().isAfter(day)) {
                break;
            }
            due.add(action);
        }
        return due;
    }

    /**
     * What a price of the ticker's bar starting at {@code barStart} is multiplied by to be on the share basis of
     * {@code asOf}: the product of {@code splitFrom / splitTo} of the splits executed after the bar's day, by {@code asOf}.
     */
    public BigDecimal priceFactor(String ticker, Instant barStart, LocalDate asOf) {
        LocalDate day = tradingDay(barStart);
        BigDecimal factor = BigDecimal.ONE;
        for (CorporateAction action : of(ticker)) {
            if (action instanceof Split split && split.executionDate().isAfter(day) && !split.executionDate().isAfter(asOf)) {
                factor = factor.multiply(split.priceFactor(), EXACT_ENOUGH);
            }
        }
        return factor;
    }

    /** The bar on the share basis of {@code asOf} (itself when no split lies between). */
    public Bar adjusted(Bar raw, LocalDate asOf) {
        BigDecimal factor = priceFactor(raw.ticker(), raw.start(), asOf);
        return factor.compareTo(BigDecimal.ONE) == 0 ? raw : scaled(raw, factor);
    }

    public List<Bar> adjusted(List<Bar> raw, LocalDate asOf) {
        return raw.stream().map(bar -> adjusted(bar, asOf)).toList();
    }

    /** The New York trading day a bar starting at {@code start} belongs to. */
    public static LocalDate tradingDay(Instant start) {
        return MarketCalendar.tradingDay(start);
    }

    /** Prices times {@code factor}, volume divided by it, to the stored bars' six decimals. */
    static Bar scaled(Bar bar, BigDecimal factor) {
        return new Bar(bar.ticker(), bar.start(), bar.span(), scaledPrice(bar.open(), factor), scaledPrice(bar.high(), factor),
                scaledPrice(bar.low(), factor), scaledPrice(bar.close(), factor), scaledVolume(bar.volume(), factor),
                bar.vwap() == null ? null : scaledPrice(bar.vwap(), factor), bar.trades());
    }

    /** A bar price times a {@link #priceFactor}, to the stored bars' six decimals (for reads that are not Bars). */
    public static BigDecimal scaledPrice(BigDecimal price, BigDecimal factor) {
        return price.multiply(factor).setScale(BAR_SCALE, RoundingMode.HALF_UP);
    }

    /** A bar volume divided by a {@link #priceFactor}: ten times the shares after a 10-for-1 split. */
    public static BigDecimal scaledVolume(BigDecimal volume, BigDecimal factor) {
        return volume.divide(factor, BAR_SCALE, RoundingMode.HALF_UP);
    }
}
