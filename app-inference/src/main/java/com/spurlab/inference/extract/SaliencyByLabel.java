package com.spurlab.inference.extract;

/**
 * Where the model's input gradients fall for one class: "does it look at the background?".
 *
 * @param label            the class
 * @param n                masked samples of the class measured
 * @param gradientOutside  mean share of input-gradient mass (|d score / d pixel|, summed over channels) outside the
 *                         foreground mask, for the predicted class's score
 * @param areaOutside      mean share of the image area outside the mask: what uniform attention would give
 * @param excessLow        95 % lower bound of the mean of (gradient share - area share) per sample
 * @param excessHigh       upper bound
 */
public record SaliencyByLabel(String label, int n, double gradientOutside, double areaOutside, double excessLow,
        double excessHigh) {
}
