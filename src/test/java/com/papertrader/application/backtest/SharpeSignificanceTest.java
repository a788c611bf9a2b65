package com.papertrader.application.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SharpeSignificanceTest {

    @Test
    void theNormalDistributionAndItsInverse() {
        assertEquals(0.5, SharpeSignificance.normal(0), 1e-7);
        assertEquals(0.9750021048517795, SharpeSignificance.normal(1.96), 1e-7);
        assertEquals(0.0013498980316301, SharpeSignificance.normal(-3), 1e-7);
        assertEquals(1.959963984540054, SharpeSignificance.inverseNormal(0.975), 1e-8);
        assertEquals(-2.326347874040841, SharpeSignificance.inverseNormal(0.01), 1e-8);
        assertEquals(3.090232306167813, SharpeSignificance.inverseNormal(0.999), 1e-8);
    }

    @Test
    void aSharpeRatioOfZeroIsAsLikelyAboveAsBelow() {
        double[] symmetric = {0.01, -0.01, 0.02, -0.02, 0.01, -0.01, 0.02, -0.02};

        assertEquals(0.5, SharpeSignificance.probabilistic(symmetric, 0), 1e-7);
    }

    /** PSR = Φ(SR √(n − 1) / √(1 − γ3 SR + (γ4 − 1)/4 SR²)); for 0.02, −0.01 repeated: SR = 0.005/0.01508 , γ3 = 0, γ4 = 1. */
    @Test
    void theProbabilisticSharpeRatioWorkedByHand() {
        double[] returns = new double[100];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = i % 2 == 0 ? 0.02 : -0.01;
        }
        double sd = Math.sqrt(100 * 0.015 * 0.015 / 99);
        double sharpe = 0.005 / sd;
        double expected = SharpeSignificance.normal(sharpe * Math.sqrt(99) / Math.sqrt(1 + 0 * sharpe * sharpe));

        assertEquals(expected, SharpeSignificance.probabilistic(returns, 0), 1e-12);
        assertEquals(0.5, SharpeSignificance.probabilistic(returns, sharpe), 1e-7, "against its own Sharpe ratio");
        assertTrue(SharpeSignificance.probabilistic(returns, 0) > 0.99, "a steady edge over 100 bars");
    }

    @Test
    void theBestOfManyTrialsWithNoEdgeIsExpectedWellAboveZero() {
        // Bailey and López de Prado: about 3.26 standard deviations for 1,000 trials
        assertEquals(3.255, SharpeSignificance.expectedMaximum(1.0, 1000), 0.005);
        assertEquals(2 * 3.255, SharpeSignificance.expectedMaximum(4.0, 1000), 0.01);
        assertEquals(0.0, SharpeSignificance.expectedMaximum(1.0, 1), "one trial chooses nothing");
    }

    @Test
    void tooFewOrUnvaryingReturnsHaveNoProbability() {
        assertTrue(Double.isNaN(SharpeSignificance.probabilistic(new double[] {0.01, 0.02}, 0)));
        assertTrue(Double.isNaN(SharpeSignificance.probabilistic(new double[] {0.01, 0.01, 0.01}, 0)));
    }
}
