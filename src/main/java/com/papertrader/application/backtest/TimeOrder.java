package com.papertrader.application.backtest;

import com.papertrader.domain.market.Bar;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Merges series that are each in time order into one time order, ticker breaking ties: a binary heap of the series'
 * next bars, whose top is replaced in place as its series moves on (one sift per bar). Each head keeps its start and
 * ticker, so the comparisons of a backtest's millions of bars read no list.
 */
final class TimeOrder implements Iterator<Bar> {

    private final Head[] heap;
    private int size;

    TimeOrder(List<List<Bar>> series) {
        heap = new Head[series.size()];
        for (List<Bar> bars : series) {
            if (!bars.isEmpty()) {
                heap[size] = new Head(bars);
                siftUp(size++);
            }
        }
    }

    @Override
    public boolean hasNext() {
        return size > 0;
    }

    @Override
    public Bar next() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        Head top = heap[0];
        Bar bar = top.bar;
        if (!top.advance()) {
            heap[0] = heap[--size];
            heap[size] = null;
        }
        if (size > 0) {
            siftDown(0);
        }
        return bar;
    }

    private void siftUp(int index) {
        Head head = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (heap[parent].compareTo(head) <= 0) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = head;
    }

    private void siftDown(int index) {
        Head head = heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            if (child + 1 < size && heap[child + 1].compareTo(heap[child]) < 0) {
                child++;
            }
            if (head.compareTo(heap[child]) <= 0) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = head;
    }

    /** One series' next bar and its sort keys. */
    private static final class Head implements Comparable<Head> {
        private final List<Bar> bars;
        private int index;
        private Bar bar;
        private Instant start;
        private String ticker;

        Head(List<Bar> bars) {
            this.bars = bars;
            read();
        }

        /** Moves to the series' next bar; false at its end. */
        boolean advance() {
            if (index + 1 >= bars.size()) {
                return false;
            }
            index++;
            read();
            return true;
        }

        private void read() {
            bar = bars.get(index);
            start = bar.start();
            ticker = bar.ticker();
        }

        @Override
        public int compareTo(Head other) {
            int byTime = start.compareTo(other.start);
            return byTime != 0 ? byTime : ticker.compareTo(other.ticker);
        }
    }
}
