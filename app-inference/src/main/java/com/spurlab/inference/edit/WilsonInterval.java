package com.spurlab.inference.edit;

/**
 * Wilson's score interval for a binomial proportion (Wilson 1927), the closed form without
 * continuity correction: unlike the normal approximation it stays inside [0, 1] and keeps its
 * coverage near 0 and 1, where flip rates often are.
 *
 * @param low  lower end
 * @param high upper end
 */
public record WilsonInterval(double low, double high) {

    /** The two-sided 95 % normal quantile. */
    public static final double Z95 = 1.959963984540054;

    /** The 95 % interval of {@code successes} in {@code trials}; (NaN, NaN) for no trials. */
    public static WilsonInterval of95(int successes, int trials) {
        return of(successes, trials, Z95);
    }

    /**
     * The interval at normal quantile {@code z}.
     *
     * @throws IllegalArgumentException when successes is outside 0..trials or z is not positive
     */
    public static WilsonInterval of(int successes, int trials, double z) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        if (!(z > 0)) {
            throw new IllegalArgumentException("z must be positive, got " + z);
        }
        if (trials == 0) {
            return new WilsonInterval(Double.NaN, Double.NaN);
        }
        double p = (double) successes / trials;
        double z2 = z * z;
        double denominator = 1 + z2 / trials;
        double centre = (p + z2 / (2.0 * trials)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
        // Clamp rounding noise: at p = 0 or 1 the exact ends are 0 and 1.
        return new WilsonInterval(successes == 0 ? 0 : Math.max(0, centre - half),
                successes == trials ? 1 : Math.min(1, centre + half));
    }
}
