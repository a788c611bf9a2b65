package com.papertrader.domain.trading.portfolio;

import com.papertrader.domain.market.Split;
import com.papertrader.domain.trading.CashColumn;
import com.papertrader.domain.trading.Money;
import com.papertrader.domain.trading.PriceColumn;
import com.papertrader.domain.trading.order.Fill;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * A long or short holding of one ticker in one account, from its opening fill to the fill that brings it to zero.
 * A position never crosses through zero: a fill larger than the position is refused here (the broker rejects such
 * orders up front and trims exit fills to what is held). Reopening after a close makes a new position.
 * <p>
 * {@code costBasis} is what the shares cost including commissions (long), or what the short sale brought in net of
 * commissions (short); scaling out removes the proportional share of it. {@code averagePrice} is the
 * volume-weighted average fill price (without commissions); it changes when scaling in, never when scaling out.
 */
@Entity
@Table(name = "positions")
@NamedQuery(name = Position.FIND_OPEN, query = "select p from Position p where p.closedAt is null")
public class Position {

    public static final String FIND_OPEN = "Position.findOpen";

    @Id
    @Column(length = 230)
    private String id;
    @Column(nullable = false)
    private String accountId;
    @Column(nullable = false, length = 16)
    private String ticker;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private PositionSide side;
    @Column(nullable = false)
    private String openedBy;
    private long quantity;
    @Convert(converter = PriceColumn.class)
    @Column(nullable = false)
    private BigDecimal averagePrice;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal costBasis;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal realizedPnl;
    @Convert(converter = PriceColumn.class)
    @Column(nullable = false)
    private BigDecimal lastPrice;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal marketValue;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal unrealizedPnl;
    @Column(nullable = false)
    private Instant openedAt;
    private Instant closedAt;
    @Column(nullable = false)
    private Instant markedAt;

    protected Position() {
        // for JPA
    }

    private Position(Fill opening) {
        if (!opening.side().isEntry()) {
            throw new IllegalArgumentException("Fill " + opening.id() + " is a " + opening.side().label()
                    + " and cannot open a position in " + opening.ticker());
        }
        this.id = "P:" + opening.id();
        this.accountId = opening.accountId();
        this.ticker = opening.ticker();
        this.side = PositionSide.of(opening.side());
        this.openedBy = opening.agentId();
        this.quantity = 0;
        this.averagePrice = opening.price();
        this.costBasis = Money.ZERO;
        this.realizedPnl = Money.ZERO;
        this.openedAt = opening.filledAt();
        apply(opening);
    }

    /** A new position from its first (entry) fill. */
    public static Position open(Fill opening) {
        return new Position(Objects.requireNonNull(opening, "opening"));
    }

    /**
     * Applies a fill of this account and ticker: an entry of this position's side scales in, an exit scales out.
     * Marks the position at the fill price. Returns the P&L the fill realized (zero for entries).
     */
    public BigDecimal apply(Fill fill) {
        if (!isOpen()) {
            throw new IllegalStateException("Position " + id + " is closed; open a new one");
        }
        if (!fill.accountId().equals(accountId) || !fill.ticker().equals(ticker) || PositionSide.of(fill.side()) != side) {
            throw new IllegalArgumentException("Fill " + fill.id() + " (" + fill.side().label() + " " + fill.ticker()
                    + " in " + fill.accountId() + ") does not belong to " + side + " position " + ticker + " in " + accountId);
        }
        BigDecimal realized = fill.side().isEntry() ? scaleIn(fill) : scaleOut(fill);
        mark(fill.price(), fill.filledAt());
        return realized;
    }

    private BigDecimal scaleIn(Fill fill) {
        averagePrice = quantity == 0 ? fill.price() : Money.averagePrice(averagePrice, quantity, fill.price(), fill.quantity());
        BigDecimal paidOrReceived = side == PositionSide.LONG
                ? fill.grossValue().add(fill.commission())
                : fill.grossValue().subtract(fill.commission());
        costBasis = costBasis.add(paidOrReceived);
        quantity += fill.quantity();
        return Money.ZERO;
    }

    private BigDecimal scaleOut(Fill fill) {
        if (fill.quantity() > quantity) {
            throw new IllegalArgumentException("Fill " + fill.id() + " of " + fill.quantity() + " " + ticker
                    + " would cross through zero: the " + side + " position holds " + quantity);
        }
        BigDecimal basisClosed = fill.quantity() == quantity ? costBasis : Money.proportion(costBasis, fill.quantity(), quantity);
        BigDecimal realized = side == PositionSide.LONG
                ? fill.grossValue().subtract(fill.commission()).subtract(basisClosed)
                : basisClosed.subtract(fill.grossValue().add(fill.commission()));
        costBasis = costBasis.subtract(basisClosed);
        quantity -= fill.quantity();
        realizedPnl = realizedPnl.add(realized);
        if (quantity == 0) {
            closedAt = fill.filledAt();
        }
        return realized;
    }

    /**
     * Follows a split at its execution date's open: the shares times the ratio, the average and last price on the new
     * basis, the cost basis and the market value kept (equity does not change). A fractional share the split leaves is
     * settled in cash at the last price on the new basis (cash in lieu): a long position receives it, a short one pays
     * it, and the P&L of that fraction against its share of the cost basis is realized.
     *
     * @return the cash the fraction moved (signed for the account) and the P&L it realized
     */
    public SplitSettlement split(Split split, Instant at) {
        if (!isOpen() || !split.ticker().equals(ticker)) {
            throw new IllegalArgumentException(split.describe() + " of " + split.ticker() + " does not apply to " + this);
        }
        BigDecimal exactShares = split.newShares(BigDecimal.valueOf(quantity));
        long wholeShares = exactShares.setScale(0, RoundingMode.DOWN).longValueExact();
        BigDecimal fraction = exactShares.subtract(BigDecimal.valueOf(wholeShares));
        BigDecimal newLast = Money.price(split.newPrice(lastPrice));
        BigDecimal fractionValue = Money.cash(fraction.multiply(split.newPrice(lastPrice)));
        BigDecimal basisOfFraction = Money.cash(costBasis.multiply(fraction).divide(exactShares, MathContext.DECIMAL64));
        BigDecimal realized = side == PositionSide.LONG ? fractionValue.subtract(basisOfFraction) : basisOfFraction.subtract(fractionValue);
        averagePrice = Money.price(split.newPrice(averagePrice));
        costBasis = costBasis.subtract(basisOfFraction);
        realizedPnl = realizedPnl.add(realized);
        quantity = wholeShares;
        lastPrice = newLast;
        markedAt = Objects.requireNonNull(at, "at");
        marketValue = marketValue.subtract(fractionValue);
        unrealizedPnl = side == PositionSide.LONG ? marketValue.subtract(costBasis) : costBasis.subtract(marketValue);
        if (quantity == 0) {
            closedAt = at;
        }
        return new SplitSettlement(side == PositionSide.LONG ? fractionValue : fractionValue.negate(), realized);
    }

    /**
     * What a split settled in cash for a fractional share.
     *
     * @param cash     added to the account's cash (negative: paid by a short position)
     * @param realized P&L the fraction realized
     */
    public record SplitSettlement(BigDecimal cash, BigDecimal realized) {
    }

    /** Values the position at {@code price} (a bar close or a fill). */
    public void mark(BigDecimal price, Instant at) {
        lastPrice = Money.price(price);
        markedAt = Objects.requireNonNull(at, "at");
        marketValue = Money.value(lastPrice, quantity);
        unrealizedPnl = side == PositionSide.LONG ? marketValue.subtract(costBasis) : costBasis.subtract(marketValue);
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** Market value with the sign of the exposure: positive long, negative short. */
    public BigDecimal signedMarketValue() {
        return side == PositionSide.LONG ? marketValue : marketValue.negate();
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String ticker() {
        return ticker;
    }

    public PositionSide side() {
        return side;
    }

    /** The agent whose fill opened the position (its end-of-day flatten setting applies). */
    public String openedBy() {
        return openedBy;
    }

    public long quantity() {
        return quantity;
    }

    public BigDecimal averagePrice() {
        return averagePrice;
    }

    public BigDecimal costBasis() {
        return costBasis;
    }

    public BigDecimal realizedPnl() {
        return realizedPnl;
    }

    public BigDecimal lastPrice() {
        return lastPrice;
    }

    /** Shares times last price, always positive (see {@link #signedMarketValue()}). */
    public BigDecimal marketValue() {
        return marketValue;
    }

    public BigDecimal unrealizedPnl() {
        return unrealizedPnl;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant markedAt() {
        return markedAt;
    }

    @Override
    public String toString() {
        return "Position " + side + " " + quantity + " " + ticker + " in " + accountId + " @ " + averagePrice.toPlainString();
    }
}
