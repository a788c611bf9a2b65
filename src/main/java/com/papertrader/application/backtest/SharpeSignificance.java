package com.papertrader.application.backtest;

/**
 * How much to believe a Sharpe ratio (Bailey and López de Prado): the probabilistic Sharpe ratio, the probability that
 * the true per-bar Sharpe exceeds a benchmark given the sample's length, skewness and kurtosis, and the deflated one,
 * whose benchmark is the best Sharpe expected from that many trials of a strategy with no edge, so a high Sharpe found by
 * trying many parameters is discounted for the trying. Per-bar ratios, as the returns are measured.
 */
public final class SharpeSignificance {

    private static final double EULER_MASCHERONI = 0.5772156649015329;

    private SharpeSignificance() {
    }

    /**
     * PSR: Φ((SR − benchmark) √(n − 1) / √(1 − γ3 SR + (γ4 − 1) / 4 SR²)), SR the sample's per-bar Sharpe ratio, γ3 its
     * skewness, γ4 its kurtosis (3 for a normal distribution). NaN for fewer than three returns or returns that do not vary.
     */
    public static double probabilistic(double[] returns, double benchmark) {
        int n = returns.length;
        if (n < 3) {
            return Double.NaN;
        }
        double mean = 0;
        for (double value : returns) {
            mean += value;
        }
        mean /= n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double value : returns) {
            double d = value - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        if (m2 == 0) {
            return Double.NaN;
        }
        double sharpe = mean / Math.sqrt(m2 / (n - 1));
        double skewness = (m3 / n) / Math.pow(m2 / n, 1.5);
        double kurtosis = (m4 / n) / Math.pow(m2 / n, 2);
        double spread = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        return spread <= 0 ? Double.NaN : normal((sharpe - benchmark) * Math.sqrt(n - 1) / Math.sqrt(spread));
    }

    /**
     * The deflated Sharpe ratio's benchmark: the expected best of {@code trials} Sharpe ratios with no edge whose variance
     * across the trials is {@code variance}: √V ((1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e))), γ Euler's constant.
     * 0 for a single trial (nothing was chosen).
     */
    public static double expectedMaximum(double variance, int trials) {
        if (trials <= 1 || !(variance > 0)) {
            return 0;
        }
        return Math.sqrt(variance) * ((1 - EULER_MASCHERONI) * inverseNormal(1 - 1.0 / trials)
                + EULER_MASCHERONI * inverseNormal(1 - 1.0 / (trials * Math.E)));
    }

    /** The standard normal distribution function Φ, to about 1e-7 (ample for a probability shown to a percent). */
    static double normal(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** Φ⁻¹ by Acklam's rational approximation (relative error below 1.2e-9). */
    static double inverseNormal(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a probability strictly between 0 and 1, got " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p <= 1 - low) {
            double q = p - 0.5;
            double r = q * q;
            return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        return -inverseNormal(1 - p);
    }

    /** The complementary error function (Numerical Recipes' erfcc: fractional error below 1.2e-7 everywhere). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
