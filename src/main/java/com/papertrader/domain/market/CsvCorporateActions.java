package com.papertrader.domain.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Corporate actions from CSV lines, the CSV replay's second file: {@code split,TICKER,yyyy-MM-dd,from,to} (a 10-for-1
 * split is {@code split,NVDA,2024-06-10,1,10}) and {@code dividend,TICKER,yyyy-MM-dd,amount[,currency]} (the ex-date;
 * USD when no currency). A header line is optional. Bad lines are rejected with their number and reason.
 */
public final class CsvCorporateActions implements CorporateActionFeed {

    private final List<CorporateAction> actions;
    private final List<String> rejected;

    private CsvCorporateActions(List<CorporateAction> actions, List<String> rejected) {
        this.actions = List.copyOf(actions);
        this.rejected = List.copyOf(rejected);
    }

    public static CsvCorporateActions read(Reader csv) throws IOException {
        List<CorporateAction> actions = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        BufferedReader lines = new BufferedReader(csv);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || number == 1 && line.strip().toLowerCase(Locale.ROOT).startsWith("kind")) {
                continue;
            }
            try {
                actions.add(parse(line.split(",", -1)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                rejected.add("line " + number + ": " + e.getMessage());
            }
        }
        return new CsvCorporateActions(actions, rejected);
    }

    @Override
    public Fetched fetch(List<String> tickers, LocalDate from) {
        Set<String> wanted = Set.copyOf(tickers);
        return new Fetched(actions.stream().filter(action -> wanted.contains(action.ticker()) && !action.effectiveDate().isBefore(from))
                .toList(), List.of());
    }

    /** Every line that was not loaded, with its number and reason, for logging at start-up. */
    public List<String> rejectedLines() {
        return rejected;
    }

    private static CorporateAction parse(String[] fields) {
        String kind = fields[0].strip().toLowerCase(Locale.ROOT);
        if (fields.length < 4) {
            throw new IllegalArgumentException("expected kind,ticker,date,... but found " + fields.length + " fields");
        }
        String ticker = Ticker.parse(fields[1]).symbol();
        LocalDate date = LocalDate.parse(fields[2].strip());
        return switch (kind) {
            case "split" -> {
                if (fields.length != 5) {
                    throw new IllegalArgumentException("a split is split,ticker,date,from,to");
                }
                yield new Split(ticker, date, number(fields[3]), number(fields[4]), null);
            }
            case "dividend" -> new CashDividend(ticker, date, null, number(fields[3]),
                    fields.length > 4 ? fields[4].strip().toUpperCase(Locale.ROOT) : CashDividend.USD, null);
            default -> throw new IllegalArgumentException("unknown kind '" + fields[0].strip() + "' (split or dividend)");
        };
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a number");
        }
    }
}
