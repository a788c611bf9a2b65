package com.papertrader.application.backtest;

/**
 * How far a backtest going in this server is, and whether it was asked to stop: written by the thread running it,
 * read by pages and the API.
 */
public final class RunProgress implements Backtester.Progress {

    private volatile long total;
    private volatile long done;
    private volatile boolean cancel;

    public long total() {
        return total;
    }

    public long done() {
        return done;
    }

    public boolean canceled() {
        return cancel;
    }

    void total(long bars) {
        total = bars;
    }

    @Override
    public void barsDone(long bars) {
        done = bars;
    }

    void cancel() {
        cancel = true;
    }
}
