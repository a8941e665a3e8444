package com.spurlab.inference.train;

import com.spurlab.inference.data.Augmentation;
import com.spurlab.inference.model.ClassifierNetwork;

/**
 * Everything beyond the basic hyper-parameters: network, augmentation, method constants, selection.
 *
 * @param network        the network to train
 * @param augmentation   training-time augmentation
 * @param groupDroEta    GroupDRO step size of the group weights (Sagawa et al. use 0.01), 0 &lt; eta &lt;= 10
 * @param jttEpochs      JTT's identification run, in epochs, 1..100
 * @param jttUpweight    JTT's lambda: how many times each error of the identification run is sampled, 1..1000
 * @param selection      which epoch's weights to keep
 * @param patience       early stopping: stop after this many epochs without a better validation score; 0 = never
 * @param cosineSchedule decay the learning rate along a cosine to 1 % of its start over the planned steps
 */
public record MethodOptions(ClassifierNetwork network, Augmentation augmentation, double groupDroEta, int jttEpochs,
        double jttUpweight, ModelSelection selection, int patience, boolean cosineSchedule) {

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
        if (!(jttUpweight >= 1 && jttUpweight <= 1000)) {
            throw new IllegalArgumentException("jttUpweight must be between 1 and 1000, got " + jttUpweight);
        }
        if (patience < 0 || patience > TrainingLimits.MAX_EPOCHS) {
            throw new IllegalArgumentException("patience must be between 0 (off) and " + TrainingLimits.MAX_EPOCHS
                    + " epochs, got " + patience);
        }
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
        return new MethodOptions(n, augmentation, groupDroEta, jttEpochs, jttUpweight, selection, patience, cosineSchedule);
    }
}
