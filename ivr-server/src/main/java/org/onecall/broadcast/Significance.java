package org.onecall.broadcast;

/**
 * How surprising a bucket's count is: the chance of at least that many calls if calls keep arriving at the
 * rate the history shows.
 *
 * <p>Arrivals are Poisson, but the rate itself is only known from a few weeks of history, so a quiet center
 * whose baseline is "3.5 calls, from 4 samples" must not treat 3.5 as exact. The rate is therefore given a
 * Gamma posterior from the samples (Jeffreys prior), which makes the next count negative binomial: with many
 * samples it is the plain Poisson tail, with few it is wider. The tail is summed term by term from the
 * log-probability at the count, which is exact for 3 calls and for 50,000 alike and needs no special functions
 * beyond log-gamma.
 */
final class Significance {
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    // Terms below this are nothing; tested against it because a subnormal term times 0.9 can round to itself.
    private static final double NEGLIGIBLE = 1e-300;

    private Significance() {
    }

    /**
     * P(X >= observed) for the next bucket's count X, given that {@code samples} past buckets averaged
     * {@code expected} calls.
     */
    static double upperTail(long observed, double expected, int samples) {
        if (observed <= 0) {
            return 1.0;
        }
        double n = Math.max(1, samples);
        double shape = n * Math.max(0, expected) + 0.5;
        double fail = 1 / (n + 1);             // negative binomial: P(x) = C(x+shape-1, x) (1-fail)^shape fail^x
        double logSuccess = Math.log1p(-fail);
        double logFail = Math.log(fail);
        double mean = shape * fail / (1 - fail);
        long k = observed;
        double term = Math.exp(logGamma(k + shape) - logGamma(shape) - logGamma(k + 1.0) + shape * logSuccess
                + k * logFail);
        double sum = 0;
        if (k > mean) {
            // Terms shrink from k upwards; a few standard deviations of them carry the whole tail.
            for (long x = k; term > NEGLIGIBLE && term >= sum * 1e-17; x++) {
                sum += term;
                term *= (x + shape) / (x + 1) * fail;
            }
            return Math.min(1.0, sum);
        }
        // At or below the mean: one minus the lower tail, summed from k - 1 downwards.
        term *= k / ((k - 1 + shape) * fail);
        for (long x = k - 1; x >= 0 && term > NEGLIGIBLE && term >= sum * 1e-17; x--) {
            sum += term;
            term *= x / ((x - 1 + shape) * fail);
        }
        return Math.max(0.0, 1.0 - sum);
    }

    /** ln Gamma(x) for x > 0 (Lanczos, g = 7): about 15 significant digits. */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double a = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (z + i);
        }
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
