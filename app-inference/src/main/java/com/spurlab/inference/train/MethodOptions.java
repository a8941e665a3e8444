package com.spurlab.inference.train;

import com.spurlab.inference.data.Augmentation;
import com.spurlab.inference.model.ClassifierNetwork;

/**
 * Everything beyond the basic hyper-parameters: network, augmentation, method constants, selection.
 *
 * @param network             the network to train
 * @param augmentation        training-time augmentation
 * @param groupDroEta         GroupDRO step size of the group weights (Sagawa et al. use 0.01), 0 &lt; eta &lt;= 10
 * @param jttEpochs           JTT's identification run, in epochs, 1..100
 * @param jttUpweight         JTT's lambda: how many times each error of the identification run is sampled in all,
 *                            a whole number 1..1000 (a fraction is refused, not rounded)
 * @param selection           which epoch's weights to keep
 * @param patience            early stopping: stop after this many epochs without a better validation score; 0 = never
 * @param cosineSchedule      decay the learning rate along a cosine to 1 % of its start over the planned steps
 * @param weightDecay         L2 penalty on the weights of GroupDRO and of JTT's retraining, 0..1: both papers train
 *                            them with strong L2 (Sagawa et al. 2020: up-weighting and GroupDRO generalise to the worst
 *                            group only when strongly regularised; Liu et al. 2021 likewise), where an over-parameterised
 *                            network otherwise memorises the few up-weighted images. ERM, REWEIGHT and DFR use none
 */
public record MethodOptions(ClassifierNetwork network, Augmentation augmentation, double groupDroEta, int jttEpochs,
        double jttUpweight, ModelSelection selection, int patience, boolean cosineSchedule, double weightDecay) {

    /** The default L2 penalty of GroupDRO and JTT's retraining, see {@link #weightDecay()}. */
    public static final double WEIGHT_DECAY = 0.1;

    public MethodOptions {
        if (network == null || augmentation == null || selection == null) {
            throw new IllegalArgumentException("network, augmentation and selection are required");
        }
        if (!(groupDroEta > 0 && groupDroEta <= 10)) {
            throw new IllegalArgumentException("groupDroEta must be above 0 and at most 10, got " + groupDroEta);
        }
        if (jttEpochs < 1 || jttEpochs > TrainingLimits.MAX_JTT_EPOCHS) {
            throw new IllegalArgumentException("jttEpochs must be between 1 and " + TrainingLimits.MAX_JTT_EPOCHS
                    + ", got " + jttEpochs);
        }
        if (!(jttUpweight >= 1 && jttUpweight <= 1000) || jttUpweight != Math.rint(jttUpweight)) {
            throw new IllegalArgumentException("jttUpweight must be a whole number between 1 and 1000 (each error is"
                    + " sampled that many times), got " + jttUpweight);
        }
        if (patience < 0 || patience > TrainingLimits.MAX_EPOCHS) {
            throw new IllegalArgumentException("patience must be between 0 (off) and " + TrainingLimits.MAX_EPOCHS
                    + " epochs, got " + patience);
        }
        if (!(weightDecay >= 0 && weightDecay <= 1)) {
            throw new IllegalArgumentException("weightDecay must be between 0 and 1, got " + weightDecay);
        }
    }

    /** With the default weight decay ({@link #WEIGHT_DECAY}). */
    public MethodOptions(ClassifierNetwork network, Augmentation augmentation, double groupDroEta, int jttEpochs,
            double jttUpweight, ModelSelection selection, int patience, boolean cosineSchedule) {
        this(network, augmentation, groupDroEta, jttEpochs, jttUpweight, selection, patience, cosineSchedule,
                WEIGHT_DECAY);
    }

    /** What a walking-skeleton caller got: the CNN, no augmentation, last epoch kept, fixed learning rate. */
    public static MethodOptions legacy() {
        return new MethodOptions(ClassifierNetwork.CNN, Augmentation.NONE, 0.01, 1, 20, ModelSelection.LAST, 0, false);
    }

    /**
     * The defaults a new experiment gets: worst-group selection on val and a cosine schedule. JTT
     * identifies errors after 2 epochs: on the demo set a 1-epoch model was sometimes still close to
     * constant, so its "errors" were a whole class and the up-sampled retraining collapsed to that class.
     */
    public static MethodOptions defaults() {
        return new MethodOptions(ClassifierNetwork.CNN, Augmentation.NONE, 0.01, 2, 20, ModelSelection.WORST_GROUP, 0, true);
    }

    public MethodOptions withNetwork(ClassifierNetwork n) {
        return new MethodOptions(n, augmentation, groupDroEta, jttEpochs, jttUpweight, selection, patience, cosineSchedule,
                weightDecay);
    }

    /** JTT's lambda as the whole number it is. */
    public int jttTimes() {
        return (int) jttUpweight;
    }
}
