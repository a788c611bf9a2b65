package com.papertrader.application.backtest;

import java.util.ArrayList;
import java.util.List;

/** A walk-forward test as asked for, checked: a sweep's fields plus the in-sample and out-of-sample lengths in trading days. */
public record WalkForwardRequest(SweepRequest sweep, int inSampleDays, int outOfSampleDays) {

    public static final int MAX_DAYS = 2520;

    /** @throws IllegalArgumentException naming every problem found (those of {@link SweepRequest#parse} too) */
    public static WalkForwardRequest parse(String agentId, String tickers, String from, String to, String startingCash, String prices,
                                           String grid, String rankBy, String inSampleDays, String outOfSampleDays) {
        List<String> problems = new ArrayList<>();
        SweepRequest sweep = null;
        try {
            sweep = SweepRequest.parse(agentId, tickers, from, to, startingCash, prices, grid, rankBy);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        int inSample = days("inSampleDays", inSampleDays, problems);
        int outOfSample = days("outOfSampleDays", outOfSampleDays, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new WalkForwardRequest(sweep, inSample, outOfSample);
    }

    private static int days(String name, String text, List<String> problems) {
        try {
            int days = Integer.parseInt(text == null ? "" : text.strip());
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add(name + ": \"" + text + "\" is not a number of trading days from 1 to " + MAX_DAYS);
        return 0;
    }
}
