package com.spurlab.inference.train;

/** Which epoch's weights a run keeps, judged on the validation split after every epoch. */
public enum ModelSelection {
    /** The epoch with the highest worst-group accuracy (ties: the later epoch's higher accuracy wins). */
    WORST_GROUP,
    /** The epoch with the highest accuracy. */
    ACCURACY,
    /** The last epoch, no validation pass (also what happens without a validation split). */
    LAST
}
