package com.papertrader.domain.trading.portfolio;

import static com.papertrader.domain.trading.TradingFixtures.TUESDAY_OPEN;
import static com.papertrader.domain.trading.TradingFixtures.d;
import static com.papertrader.domain.trading.TradingFixtures.fill;
import static com.papertrader.domain.trading.TradingFixtures.minutesAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.trading.order.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Instant T1 = minutesAfter(TUESDAY_OPEN, 5);
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    @Test
    void startsWithCashOnlyOnTheDayItOpens() {
        Account account = Account.open("alice", d("100000"), BigDecimal.ONE, TUESDAY_OPEN);
        assertEquals("100000.00", account.cash().toPlainString());
        assertEquals("100000.00", account.equity().toPlainString());
        assertEquals("100000.00", account.buyingPower().toPlainString());
        assertEquals("0.00", account.dayPnl().toPlainString());
        assertEquals(TUESDAY, account.tradingDay());
    }

    @Test
    void aCashAccountsBuyingPowerIsItsCash() {
        Account account = Account.open("alice", d("100000"), BigDecimal.ONE, TUESDAY_OPEN);
        account.recordFill(fill("alice", "AAPL", OrderSide.BUY, 300, "150.0750", "1.50", T1), BigDecimal.ZERO);
        account.revalue(d("45180.00"), BigDecimal.ZERO, d("156.00"), T1);

        assertEquals("54976.00", account.cash().toPlainString()); // 100000 - 45022.50 - 1.50
        assertEquals("100156.00", account.equity().toPlainString());
        assertEquals("54976.00", account.buyingPower().toPlainString());
        assertEquals("45180.00", account.grossExposure().toPlainString());
    }

    @Test
    void aMarginAccountBuysUpToItsMultiplier() {
        Account account = Account.open("alice", d("100000"), d("2"), TUESDAY_OPEN);
        account.recordFill(fill("alice", "AAPL", OrderSide.BUY, 1000, "150.00", "0", T1), BigDecimal.ZERO);
        account.revalue(d("150000.00"), BigDecimal.ZERO, BigDecimal.ZERO, T1);

        assertEquals("-50000.00", account.cash().toPlainString());
        assertEquals("100000.00", account.equity().toPlainString());
        assertEquals("50000.00", account.buyingPower().toPlainString()); // 2 x 100000 - 150000
    }

    @Test
    void aShortSaleAddsCashAndTiesUpBuyingPower() {
        Account account = Account.open("bob", d("100000"), BigDecimal.ONE, TUESDAY_OPEN);
        account.recordFill(fill("bob", "TSLA", OrderSide.SELL_SHORT, 100, "100.00", "0", T1), BigDecimal.ZERO);
        account.revalue(BigDecimal.ZERO, d("10000.00"), BigDecimal.ZERO, T1);

        assertEquals("110000.00", account.cash().toPlainString());
        assertEquals("-10000.00", account.marketValue().toPlainString());
        assertEquals("100000.00", account.equity().toPlainString());
        assertEquals("90000.00", account.buyingPower().toPlainString());
    }

    @Test
    void dayPnlIsMeasuredFromThePreviousClose() {
        Account account = Account.open("alice", d("100000"), BigDecimal.ONE, TUESDAY_OPEN);
        account.recordFill(fill("alice", "AAPL", OrderSide.BUY, 100, "100.00", "0", T1), BigDecimal.ZERO);
        account.revalue(d("10500.00"), BigDecimal.ZERO, d("500.00"), T1);
        assertEquals("500.00", account.dayPnl().toPlainString());

        account.startDay(TUESDAY.plusDays(1));
        assertEquals("100500.00", account.previousCloseEquity().toPlainString());
        account.revalue(d("10200.00"), BigDecimal.ZERO, d("200.00"), T1.plusSeconds(86_400));
        assertEquals("-300.00", account.dayPnl().toPlainString());

        account.startDay(TUESDAY); // an older day changes nothing
        assertEquals("100500.00", account.previousCloseEquity().toPlainString());
    }

    @Test
    void aHaltLastsForItsDay() {
        Account account = Account.open("alice", d("100000"), BigDecimal.ONE, TUESDAY_OPEN);
        account.haltForDay(TUESDAY, "day P&L -600.00 breached the max daily loss of 500.00");
        assertTrue(account.isHaltedOn(TUESDAY));
        assertFalse(account.isHaltedOn(TUESDAY.plusDays(1)));
        assertEquals("day P&L -600.00 breached the max daily loss of 500.00", account.haltReason());
    }

    @Test
    void aFlatAccountResetsToItsStartingCashAndAnOpenOneCannot() {
        Account account = Account.open("alice", d("100000"), BigDecimal.ONE, TUESDAY_OPEN);
        account.recordFill(fill("alice", "AAPL", OrderSide.BUY, 100, "100.00", "0", T1), BigDecimal.ZERO);
        account.revalue(d("10500.00"), BigDecimal.ZERO, d("500.00"), T1);
        assertThrows(IllegalStateException.class, () -> account.reset(T1));

        account.recordFill(fill("alice", "AAPL", OrderSide.SELL, 100, "95.00", "0", T1), d("-500.00"));
        account.revalue(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, T1);
        account.haltForDay(TUESDAY, "max daily loss");
        assertEquals("99500.00", account.cash().toPlainString());

        account.reset(T1.plusSeconds(60));

        assertEquals("100000.00", account.cash().toPlainString());
        assertEquals("100000.00", account.equity().toPlainString());
        assertEquals("0.00", account.realizedPnl().toPlainString());
        assertEquals("0.00", account.dayPnl().toPlainString());
        assertFalse(account.isHaltedOn(TUESDAY));
        assertEquals(T1.plusSeconds(60), account.valuedAt());
    }

    @Test
    void refusesNonsense() {
        assertEquals("Account alice: margin multiplier must be at least 1, was 0.5",
                assertThrows(IllegalArgumentException.class,
                        () -> Account.open("alice", d("1000"), d("0.5"), TUESDAY_OPEN)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Account.open("alice", d("0"), BigDecimal.ONE, TUESDAY_OPEN));
        Account account = Account.open("alice", d("1000"), BigDecimal.ONE, TUESDAY_OPEN);
        assertThrows(IllegalArgumentException.class,
                () -> account.recordFill(fill("bob", "AAPL", OrderSide.BUY, 1, "1", "0", T1), BigDecimal.ZERO));
    }
}
